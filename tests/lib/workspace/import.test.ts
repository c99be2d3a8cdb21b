import { describe, expect, test } from 'vitest';
import { parseWorkspaceJson, workspaceToJson } from '@/lib/workspace';
import { annotation, fixture, prospect } from './support';

const file = (body: Record<string, unknown>) => JSON.stringify({ format: 'council-lens-workspace', version: 1, exportedAt: '2026-11-30T09:00:00.000Z', ...body });

describe('parseWorkspaceJson', () => {
  test('reads an export, BOM or not', () => {
    const text = fixture('workspace-v1.json');
    const result = parseWorkspaceJson(`\uFEFF${text}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.annotations.map((a) => a.key)).toEqual(['find-a-tender:034567-2026', 'ocds-b5fd17-2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d']);
    expect(result.prospects.map((p) => p.name)).toEqual(['Jürgen Müller']);
  });

  test('a file with bad records accepts nothing and lists every problem with record number and field', () => {
    const result = parseWorkspaceJson(fixture('workspace-v1--bad-records.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result).not.toHaveProperty('annotations');
    expect(result.errors.map((e) => e.path)).toEqual([
      'annotations[0].status',
      'annotations[0].bidDeadline',
      'annotations[1].title',
      'annotations[1].council',
      'annotations[1].colour',
      'annotations[2].key',
      'annotations[3].key',
      'annotations[4]',
      'prospects[1].id',
      'prospects[1].seniority',
      'prospects[1].profileUrl',
      'prospects[1].followUp',
    ]);
    const reasons = Object.fromEntries(result.errors.map((e) => [e.path, e.reason]));
    expect(reasons['annotations[0].status']).toBe('Annotation 1 (find-a-tender:034567-2026): status must be one of watching, go, no-go, bidding, submitted, won, lost');
    expect(reasons['annotations[0].bidDeadline']).toMatch(/^Annotation 1 .*bidDeadline must be a date YYYY-MM-DD or a date and time YYYY-MM-DDTHH:MM$/);
    expect(reasons['annotations[1].title']).toMatch(/^Annotation 2 \(ocds-.*\): title is missing$/);
    expect(reasons['annotations[1].council']).toMatch(/council must be a council register code such as LDS$/);
    expect(reasons['annotations[1].colour']).toMatch(/unknown field colour$/);
    expect(reasons['annotations[2].key']).toBe('Annotation 3 (find-a-tender:034567-2026): the same key as annotation 1');
    expect(reasons['annotations[4]']).toBe('Annotation 5 is not an object');
    expect(reasons['prospects[1].profileUrl']).toMatch(/profileUrl must be a LinkedIn profile address/);
  });

  test('one bad record among good ones still accepts nothing', () => {
    const good = JSON.parse(workspaceToJson({ annotations: [annotation()], prospects: [prospect()] }, '2026-11-30T09:00:00.000Z'));
    const bad = { ...good.prospects[0], id: 'linkedin:other', notes: 42 };
    const result = parseWorkspaceJson(file({ annotations: good.annotations, prospects: [...good.prospects, bad] }));
    expect(result).toEqual({ ok: false, errors: [{ path: 'prospects[1].notes', reason: 'Prospect 2 (linkedin:other): notes must be text' }] });
  });

  test.each([
    ['not JSON', '{', ''],
    ['another format', JSON.stringify({ format: 'savings', version: 1 }), 'format'],
    ['an array', '[]', 'format'],
    ['a newer version', JSON.stringify({ format: 'council-lens-workspace', version: 3 }), 'version'],
    ['no version', JSON.stringify({ format: 'council-lens-workspace' }), 'version'],
    ['a list that is not a list', file({ annotations: {} }), 'annotations'],
    ['a misspelt list', file({ annotation: [] }), 'annotation'],
  ])('%s is refused as a whole', (_name, text, path) => {
    const result = parseWorkspaceJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.path).toBe(path);
  });

  test('the newer-version message says what to do', () => {
    const result = parseWorkspaceJson(JSON.stringify({ format: 'council-lens-workspace', version: 3 }));
    expect(result.ok || result.errors[0]!.reason).toMatch(/update the extension/);
  });

  test('missing lists count as empty', () => {
    expect(parseWorkspaceJson(file({}))).toEqual({ ok: true, annotations: [], prospects: [], savings: [] });
  });

  test('a bad savings item refuses the whole file, naming the item and field', () => {
    const good = JSON.parse(fixture('workspace-v2.json'));
    const [first, second] = good.savings;
    const result = parseWorkspaceJson(JSON.stringify({ ...good, savings: [{ ...first, financialYear: '1850/51' }, { ...second, colour: 'red' }, { ...second }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['savings[0].financialYear', 'savings[1].colour', 'savings[2].id']);
    expect(result.errors[0]!.reason).toMatch(/^Savings item 1 \(sav-0b44d3f1\): financialYear /);
    expect(result.errors[2]!.reason).toBe('Savings item 3 (sav-7c1e2a90): the same id as savings item 2');
  });

  test('tags and owner are normalised on the way in', () => {
    const raw = JSON.parse(workspaceToJson({ annotations: [annotation()], prospects: [] }, '2026-11-30T09:00:00.000Z')).annotations[0];
    const result = parseWorkspaceJson(file({ annotations: [{ ...raw, tags: ['Care', ' care ', 'Social Value'], owner: 'jd' }] }));
    expect(result.ok && result.annotations[0]).toMatchObject({ tags: ['care', 'social value'], owner: 'JD' });
  });
});

describe('oversize workspace files (issue 16)', () => {
  test('a file over the size limit is refused before it is parsed', () => {
    const text = file({ annotations: [] }) + ' '.repeat(20_000_001);
    expect(parseWorkspaceJson(text)).toEqual({ ok: false, errors: [{ path: '', reason: 'This file is over 20 MB; the largest that can be imported is 20 MB' }] });
  });

  test('a list over the record limit is refused by its length, before any record is read', () => {
    const many = Array.from({ length: 50_001 }, () => 0);
    const result = parseWorkspaceJson(file({ prospects: many }));
    expect(result).toEqual({ ok: false, errors: [{ path: 'prospects', reason: 'prospects has 50,001 records; at most 50,000 can be imported at once' }] });
  });

  test('an annotation with 80,000 tags is refused as too many tags', () => {
    const tags = Array.from({ length: 80_000 }, (_, i) => `tag ${i}`);
    const result = parseWorkspaceJson(file({ annotations: [{ ...annotation(), tags }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ path: 'annotations[0].tags', reason: expect.stringMatching(/: tags must be at most 20 tags \(this list has more than 200 before repeats are removed\)$/) }]);
  });
});

describe('prospects: bounded fields and an id that matches the profile (issue 16)', () => {
  test("an id that is not its profileUrl's is refused", () => {
    const result = parseWorkspaceJson(file({ prospects: [{ ...prospect(), id: 'linkedin:someone-else' }] }));
    expect(result).toEqual({ ok: false, errors: [{ path: 'prospects[0].id', reason: 'Prospect 1 (linkedin:someone-else): id must be linkedin:priya-sharma, the id of its profileUrl' }] });
  });

  test('an overlong profile address is refused by its length', () => {
    const result = parseWorkspaceJson(file({ prospects: [{ ...prospect(), profileUrl: `https://www.linkedin.com/in/priya-sharma/?${'x'.repeat(2100)}` }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.path, e.reason])).toEqual([['prospects[0].profileUrl', 'Prospect 1 (linkedin:priya-sharma): profileUrl must be at most 2048 characters']]);
  });
});
