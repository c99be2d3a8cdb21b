import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseCsv } from '@/lib/dataset/csv';
import { SENIORITY_LEVELS, SERVICE_GROUPS } from '@/lib/roles/groups';

// The ids and labels must be exactly those of the spec files (../shared/spec/*.csv).
const spec = (file: string) => {
  const [head, ...rows] = parseCsv(readFileSync(path.resolve(process.cwd(), '..', 'shared', 'spec', file), 'utf8'));
  return rows.map((r) => ({ id: r[head!.indexOf('id')]!, label: r[head!.indexOf('label')]! }));
};

test('service groups match ../shared/spec/service-groups.csv', () => {
  expect(SERVICE_GROUPS.map((g) => ({ id: g.id, label: g.label }))).toEqual(spec('service-groups.csv'));
});

test('seniority levels match ../shared/spec/seniority.csv', () => {
  expect(SENIORITY_LEVELS.map((s) => ({ id: s.id, label: s.label }))).toEqual(spec('seniority.csv'));
});
