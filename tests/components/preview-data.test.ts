import { expect, test } from 'vitest';
import { TabContextSchema } from '@/lib/protocol';
import { previewContexts } from '@/components/preview/preview-data';

// The samples double as screenshots' input: they must be contexts the background could send.
test.each(Object.entries(previewContexts))('%s is a valid TabContext', (_name, context) => {
  expect(TabContextSchema.parse(context)).toEqual(context);
});
