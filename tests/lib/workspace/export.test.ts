import { describe, expect, test } from 'vitest';
import { readCsv } from '@/lib/csv';
import {
  ANNOTATION_COLUMNS,
  annotationsToCsv,
  mergeSavingsImport,
  mergeWorkspace,
  parseWorkspaceJson,
  PROSPECT_COLUMNS,
  prospectsToCsv,
  workspaceToJson,
  type Workspace,
} from '@/lib/workspace';
import { annotation, CF_KEY, FTS_KEY, fixture, prospect } from './support';

const EXPORTED_AT = '2026-11-30T09:00:00.000Z';

function rows(csv: string): string[][] {
  const read = readCsv(csv);
  if (!read.ok) throw new Error(read.reason);
  return read.records.map((r) => r.fields);
}

describe('annotations CSV', () => {
  const tricky = annotation({
    title: '=HYPERLINK("http://evil.example","Click")',
    buyerName: 'Leeds City Council, Adults & Health',
    notes: 'Line one\nLine "two"; with semicolon',
    tags: ['care', 'social value'],
    owner: 'JD',
    bidDeadline: '2027-01-14',
  });
  const csv = annotationsToCsv([tricky, annotation({ key: FTS_KEY, notes: '-5% on price', tags: [] })]);

  test('starts with a BOM and ends every line with CRLF', () => {
    expect(csv.startsWith('\uFEFFkey,site,notice_url,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
    // The only bare LF is inside the quoted notes.
    expect(csv.split('\n').filter((l) => !l.endsWith('\r')).length).toBe(2);
  });

  test('has the stable header and one row per annotation', () => {
    const [header, ...body] = rows(csv);
    expect(header).toEqual([...ANNOTATION_COLUMNS]);
    expect(body).toHaveLength(2);
  });

  test('guards formulas, quotes commas, quotes and newlines, joins tags with "; "', () => {
    const [, first, second] = rows(csv);
    const row = Object.fromEntries(ANNOTATION_COLUMNS.map((c, i) => [c, first![i]]));
    expect(row).toMatchObject({
      key: CF_KEY,
      title: `'=HYPERLINK("http://evil.example","Click")`,
      buyer_name: 'Leeds City Council, Adults & Health',
      notes: 'Line one\nLine "two"; with semicolon',
      tags: 'care; social value',
      owner: 'JD',
      bid_deadline: '2027-01-14',
      notice_deadline: '2027-01-15T12:00',
      created_at: '2026-11-30T09:00:00.000Z',
    });
    expect(second![ANNOTATION_COLUMNS.indexOf('notes')]).toBe("'-5% on price");
    expect(second![ANNOTATION_COLUMNS.indexOf('tags')]).toBe('');
    expect(second![ANNOTATION_COLUMNS.indexOf('owner')]).toBe('');
  });

  test('an empty list is just the header', () => {
    expect(annotationsToCsv([])).toBe(`\uFEFF${ANNOTATION_COLUMNS.join(',')}\r\n`);
  });
});

describe('prospects CSV', () => {
  test('columns in order, values as stored', () => {
    const [header, row] = rows(prospectsToCsv([prospect({ followUp: '2027-01-04', notes: '@ LGA conference' })]));
    expect(header).toEqual([...PROSPECT_COLUMNS]);
    expect(Object.fromEntries(PROSPECT_COLUMNS.map((c, i) => [c, row![i]]))).toEqual({
      id: 'linkedin:priya-sharma',
      name: 'Priya Sharma',
      title: 'Head of Commissioning, Adults',
      council: 'LDS',
      council_name: 'Leeds City Council',
      service_group: 'adult-social-care',
      seniority: 'senior-manager',
      profile_url: 'https://www.linkedin.com/in/priya-sharma/',
      follow_up: '2027-01-04',
      notes: "'@ LGA conference",
      created_at: '2026-11-30T09:00:00.000Z',
      updated_at: '2026-11-30T09:00:00.000Z',
    });
  });
});

describe('workspace JSON', () => {
  test('export -> wipe -> import -> export is byte-for-byte identical, savings items included', () => {
    const text = fixture('workspace-v2.json');
    const first = parseWorkspaceJson(text);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    expect(first.savings.map((i) => i.id)).toEqual(['sav-0b44d3f1', 'sav-7c1e2a90']);
    // What the background does: merge into an empty (wiped) database, store, read back, export.
    const merged = mergeWorkspace({ annotations: [], prospects: [] }, first);
    const savings = mergeSavingsImport([], first.savings);
    const stored: Workspace = structuredClone({ annotations: [...merged.annotations.toWrite].reverse(), prospects: merged.prospects.toWrite });
    const again = workspaceToJson(stored, EXPORTED_AT, structuredClone([...savings.toWrite].reverse()));
    expect(again).toBe(text);
    const second = parseWorkspaceJson(again);
    expect(second).toEqual(first);
  });

  test('a version 1 file (no savings list) still imports', () => {
    const result = parseWorkspaceJson(fixture('workspace-v1.json'));
    expect(result.ok && result.savings).toEqual([]);
    expect(result.ok && result.annotations.length).toBe(2);
  });

  test('key order and record order do not depend on how records were built', () => {
    const a = annotation();
    const shuffled = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    const ws1 = workspaceToJson({ annotations: [annotation({ key: FTS_KEY }), a], prospects: [prospect()] }, EXPORTED_AT);
    const ws2 = workspaceToJson({ annotations: [shuffled, annotation({ key: FTS_KEY })], prospects: [prospect()] }, new Date(EXPORTED_AT));
    expect(ws1).toBe(ws2);
    expect(Object.keys(JSON.parse(ws1))).toEqual(['format', 'version', 'exportedAt', 'annotations', 'prospects', 'savings']);
  });

  test('absent optional fields are left out, not written as null', () => {
    const { owner: _o, ...noOwner } = annotation();
    const json = JSON.parse(workspaceToJson({ annotations: [noOwner], prospects: [] }, EXPORTED_AT));
    expect('owner' in json.annotations[0]).toBe(false);
    expect(workspaceToJson({ annotations: [noOwner], prospects: [] }, EXPORTED_AT)).not.toContain('null');
  });
});
