import { expect, test } from 'vitest';
import { CouncilSchema } from '@/lib/councils/schema';

test('schema module loads', () => {
  expect(CouncilSchema.safeParse({}).success).toBe(false);
});
