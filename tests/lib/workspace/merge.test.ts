import { describe, expect, test } from 'vitest';
import { applyEdit, applyProspectEdit, mergeImport, mergeWorkspace, WorkspaceEditError, type Annotation } from '@/lib/workspace';
import { annotation, CF_KEY, FTS_KEY, prospect, T0 } from './support';

const NEW = {
  site: 'find-a-tender',
  noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/034567-2026',
  title: 'Highways maintenance term contract',
  buyerName: 'Kent County Council',
} as const;

describe('applyEdit: a new annotation', () => {
  test('defaults status, tags and notes, and stamps the written fields', () => {
    const { annotation: a, conflicts } = applyEdit(null, { key: FTS_KEY, fields: { ...NEW, tags: [' Roads '] }, at: T0 });
    expect(conflicts).toEqual([]);
    expect(a).toEqual({
      key: FTS_KEY,
      ...NEW,
      status: 'watching',
      tags: ['roads'],
      notes: '',
      createdAt: new Date(T0).toISOString(),
      updatedAt: new Date(T0).toISOString(),
      fieldTimes: { site: T0, noticeUrl: T0, title: T0, buyerName: T0, tags: T0 },
    });
  });

  test('without a title it is refused, naming the field', () => {
    expect(() => applyEdit(null, { key: FTS_KEY, fields: { notes: 'x' }, at: T0 })).toThrow(WorkspaceEditError);
    let caught: unknown;
    try {
      applyEdit(null, { key: FTS_KEY, fields: { site: 'find-a-tender', noticeUrl: NEW.noticeUrl, buyerName: 'Kent' }, at: T0 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WorkspaceEditError);
    expect((caught as WorkspaceEditError).errors.map((e) => e.path)).toEqual(['title']);
  });

  test('a malformed field is refused', () => {
    expect(() => applyEdit(annotation(), { key: CF_KEY, fields: { bidDeadline: '31/01/2027' }, at: T0 + 1 })).toThrow(/fields\.bidDeadline/);
  });

  test('an edit for another key is refused', () => {
    expect(() => applyEdit(annotation(), { key: FTS_KEY, fields: { notes: 'x' }, at: T0 + 1 })).toThrow(WorkspaceEditError);
  });
});

describe('applyEdit: two tabs', () => {
  const stored = annotation();
  const base = stored.fieldTimes;

  test('different fields: both kept, no conflict, in either arrival order', () => {
    const tabA = { key: CF_KEY, fields: { notes: 'Spoke to commissioner' }, at: T0 + 1000, baseTimes: base };
    const tabB = { key: CF_KEY, fields: { status: 'go' as const }, at: T0 + 2000, baseTimes: base };
    const ab = applyEdit(applyEdit(stored, tabA).annotation, tabB);
    const ba = applyEdit(applyEdit(stored, tabB).annotation, tabA);
    expect(ab.conflicts).toEqual([]);
    expect(ba.conflicts).toEqual([]);
    expect(ab.annotation.notes).toBe('Spoke to commissioner');
    expect(ab.annotation.status).toBe('go');
    expect(ba.annotation).toEqual(ab.annotation);
    expect(ab.annotation.fieldTimes).toMatchObject({ notes: T0 + 1000, status: T0 + 2000 });
    expect(ab.annotation.updatedAt).toBe(new Date(T0 + 2000).toISOString());
  });

  test('same field: the later write wins and the conflict is reported', () => {
    const tabA = { key: CF_KEY, fields: { notes: 'A' }, at: T0 + 1000, baseTimes: base };
    const tabB = { key: CF_KEY, fields: { notes: 'B' }, at: T0 + 2000, baseTimes: base };
    const afterA = applyEdit(stored, tabA);
    expect(afterA.conflicts).toEqual([]);
    const afterB = applyEdit(afterA.annotation, tabB);
    expect(afterB.annotation.notes).toBe('B');
    expect(afterB.conflicts).toEqual(['notes']);
  });

  test('same field, the later write arriving first: it still wins, and the late one is told', () => {
    const tabA = { key: CF_KEY, fields: { notes: 'A' }, at: T0 + 1000, baseTimes: base };
    const tabB = { key: CF_KEY, fields: { notes: 'B' }, at: T0 + 2000, baseTimes: base };
    const late = applyEdit(applyEdit(stored, tabB).annotation, tabA);
    expect(late.annotation.notes).toBe('B');
    expect(late.conflicts).toEqual(['notes']);
    expect(late.annotation.fieldTimes.notes).toBe(T0 + 2000);
  });

  test('same time: a deterministic winner whatever the order', () => {
    const tabA = { key: CF_KEY, fields: { owner: 'AB' }, at: T0 + 1000, baseTimes: base };
    const tabB = { key: CF_KEY, fields: { owner: 'CD' }, at: T0 + 1000, baseTimes: base };
    const ab = applyEdit(applyEdit(stored, tabA).annotation, tabB).annotation;
    const ba = applyEdit(applyEdit(stored, tabB).annotation, tabA).annotation;
    expect(ab.owner).toBe(ba.owner);
    expect(ab).toEqual(ba);
  });

  test('a tab that saw the latest write has no conflict', () => {
    const first = applyEdit(stored, { key: CF_KEY, fields: { notes: 'A' }, at: T0 + 1000, baseTimes: base }).annotation;
    const second = applyEdit(first, { key: CF_KEY, fields: { notes: 'A and B' }, at: T0 + 2000, baseTimes: first.fieldTimes });
    expect(second.conflicts).toEqual([]);
    expect(second.annotation.notes).toBe('A and B');
  });

  test('both tabs typing the same value is no conflict', () => {
    const first = applyEdit(stored, { key: CF_KEY, fields: { status: 'go' }, at: T0 + 1000, baseTimes: base }).annotation;
    expect(applyEdit(first, { key: CF_KEY, fields: { status: 'go' }, at: T0 + 2000, baseTimes: base }).conflicts).toEqual([]);
  });

  test('without baseTimes, no conflicts are claimed', () => {
    const first = applyEdit(stored, { key: CF_KEY, fields: { notes: 'A' }, at: T0 + 1000 }).annotation;
    expect(applyEdit(first, { key: CF_KEY, fields: { notes: 'B' }, at: T0 + 2000 }).conflicts).toEqual([]);
  });

  test('a tab that loaded before the annotation existed conflicts with fields another tab wrote', () => {
    const created = applyEdit(null, { key: FTS_KEY, fields: { ...NEW, notes: 'first' }, at: T0 }).annotation;
    const other = applyEdit(created, { key: FTS_KEY, fields: { ...NEW, notes: 'second', status: 'go' }, at: T0 + 5, baseTimes: {} });
    expect(other.conflicts).toEqual(['notes']);
  });

  test('null clears a field, and an older write does not bring it back', () => {
    const owned = applyEdit(stored, { key: CF_KEY, fields: { owner: 'jd' }, at: T0 + 1000 }).annotation;
    expect(owned.owner).toBe('JD');
    const cleared = applyEdit(owned, { key: CF_KEY, fields: { owner: null }, at: T0 + 3000 }).annotation;
    expect('owner' in cleared).toBe(false);
    expect(cleared.fieldTimes.owner).toBe(T0 + 3000);
    const stale = applyEdit(cleared, { key: CF_KEY, fields: { owner: 'XY' }, at: T0 + 2000 }).annotation;
    expect(stale.owner).toBeUndefined();
    expect(stale).toEqual(cleared);
  });
});

describe('applyProspectEdit', () => {
  test('new prospect, then two tabs editing notes and follow-up', () => {
    const { prospect: p } = applyProspectEdit(null, {
      id: 'linkedin:tom-okafor',
      fields: { name: 'Tom Okafor', profileUrl: 'https://uk.linkedin.com/in/Tom-Okafor?trk=x' },
      at: T0,
    });
    expect(p).toMatchObject({ id: 'linkedin:tom-okafor', title: '', councilName: '', notes: '', profileUrl: 'https://www.linkedin.com/in/tom-okafor/' });
    const a = applyProspectEdit(p, { id: p.id, fields: { notes: 'Met at LGA conference' }, at: T0 + 10, baseTimes: p.fieldTimes });
    const b = applyProspectEdit(a.prospect, { id: p.id, fields: { followUp: '2027-01-04' }, at: T0 + 20, baseTimes: p.fieldTimes });
    expect(b.conflicts).toEqual([]);
    expect(b.prospect).toMatchObject({ notes: 'Met at LGA conference', followUp: '2027-01-04' });
    const c = applyProspectEdit(b.prospect, { id: p.id, fields: { notes: 'Other' }, at: T0 + 30, baseTimes: p.fieldTimes });
    expect(c.conflicts).toEqual(['notes']);
  });
});

describe('mergeImport', () => {
  test('adds new records, updates older fields, leaves equal ones, reports counts', () => {
    const existing: Annotation[] = [
      annotation({ key: CF_KEY, notes: 'mine, newer', fieldTimes: { ...annotation().fieldTimes, notes: T0 + 500 } }),
      annotation({ key: 'ocds-b5fd17-unchanged' }),
    ];
    const incoming: Annotation[] = [
      annotation({
        key: CF_KEY,
        notes: 'theirs, older',
        status: 'bidding',
        updatedAt: new Date(T0 + 900).toISOString(),
        fieldTimes: { ...annotation().fieldTimes, notes: T0 + 100, status: T0 + 900 },
      }),
      annotation({ key: 'ocds-b5fd17-unchanged' }),
      annotation({ key: FTS_KEY, site: 'find-a-tender' }),
    ];
    const result = mergeImport(existing, incoming);
    expect({ added: result.added, updated: result.updated, unchanged: result.unchanged }).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(result.records.map((r) => r.key)).toEqual([CF_KEY, 'ocds-b5fd17-unchanged', FTS_KEY]);
    expect(result.toWrite.map((r) => r.key)).toEqual([CF_KEY, FTS_KEY]);
    const merged = result.records[0]!;
    expect(merged.notes).toBe('mine, newer');
    expect(merged.status).toBe('bidding');
    expect(merged.fieldTimes).toMatchObject({ notes: T0 + 500, status: T0 + 900 });
    expect(merged.updatedAt).toBe(new Date(T0 + 900).toISOString());
  });

  test('merging is symmetric in content: A into B equals B into A', () => {
    const a = annotation({ notes: 'a', owner: 'AA', fieldTimes: { ...annotation().fieldTimes, notes: T0 + 1, owner: T0 + 5 } });
    const b = annotation({ notes: 'b', owner: 'BB', fieldTimes: { ...annotation().fieldTimes, notes: T0 + 2, owner: T0 + 5 } });
    const ab = mergeImport([a], [b]).records[0]!;
    const ba = mergeImport([b], [a]).records[0]!;
    expect(ab).toEqual(ba);
    expect(ab.notes).toBe('b');
  });

  test('a newer clear in the import removes the field', () => {
    const existing = annotation({ owner: 'JD', fieldTimes: { ...annotation().fieldTimes, owner: T0 } });
    const { owner: _o, ...rest } = existing;
    const incoming = { ...rest, fieldTimes: { ...existing.fieldTimes, owner: T0 + 1 } };
    const merged = mergeImport([existing], [incoming]).records[0]!;
    expect('owner' in merged).toBe(false);
  });

  test('re-importing the same file changes nothing', () => {
    const list = [annotation(), annotation({ key: FTS_KEY })];
    expect(mergeImport(list, list)).toMatchObject({ added: 0, updated: 0, unchanged: 2, toWrite: [] });
  });

  test('prospects by id; mergeWorkspace does both tables', () => {
    const older = prospect();
    const newer = prospect({ notes: 'Follow up in Jan', fieldTimes: { ...prospect().fieldTimes, notes: T0 + 1 } });
    const result = mergeWorkspace({ annotations: [], prospects: [older] }, { annotations: [annotation()], prospects: [newer] });
    expect(result.annotations).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
    expect(result.prospects).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(result.prospects.records[0]!.notes).toBe('Follow up in Jan');
  });
});

describe('edit times from the future (issue 16)', () => {
  const NOW = T0 + 3_600_000;
  const FUTURE = Date.parse('2099-01-01T00:00:00.000Z');

  test('a stored time far in the future does not freeze the field: what is typed now is saved', () => {
    const frozen = annotation({ notes: 'From a backup', fieldTimes: { ...annotation().fieldTimes, notes: FUTURE } });
    const result = applyEdit(frozen, { key: CF_KEY, fields: { notes: 'Typed today' }, at: NOW, baseTimes: frozen.fieldTimes }, NOW);
    expect(result.annotation.notes).toBe('Typed today');
    expect(result.annotation.fieldTimes.notes).toBe(NOW);
    expect(result.conflicts).toEqual([]);
  });

  test("a prospect's future time does not freeze it either", () => {
    const frozen = prospect({ notes: 'Old', fieldTimes: { ...prospect().fieldTimes, notes: FUTURE } });
    const result = applyProspectEdit(frozen, { id: frozen.id, fields: { notes: 'New' }, at: NOW }, NOW);
    expect(result.prospect.notes).toBe('New');
  });

  test("a tab whose clock is a day ahead is stamped with the background's time", () => {
    const result = applyEdit(annotation(), { key: CF_KEY, fields: { status: 'go' }, at: NOW + 86_400_000 }, NOW);
    expect(result.annotation.fieldTimes.status).toBe(NOW);
    // So the next edit, from a tab with the right clock, wins.
    const next = applyEdit(result.annotation, { key: CF_KEY, fields: { status: 'bidding' }, at: NOW + 1000 }, NOW + 1000);
    expect(next.annotation.status).toBe('bidding');
  });

  test('an edit that loses to a later write is reported, never dropped silently', () => {
    const later = applyEdit(annotation(), { key: CF_KEY, fields: { notes: 'B' }, at: T0 + 2000 }, NOW).annotation;
    const late = applyEdit(later, { key: CF_KEY, fields: { notes: 'A' }, at: T0 + 1000 }, NOW);
    expect(late.annotation.notes).toBe('B');
    expect(late.conflicts).toEqual(['notes']);
  });

  test('an imported time beyond now plus the skew counts as now, so a later edit wins', () => {
    const incoming = annotation({ notes: 'Backup', updatedAt: '2099-01-01T00:00:00.000Z', fieldTimes: { ...annotation().fieldTimes, notes: FUTURE } });
    const merged = mergeImport([annotation()], [incoming], NOW);
    expect(merged.records[0]!.notes).toBe('Backup');
    expect(merged.records[0]!.fieldTimes.notes).toBe(NOW);
    expect(merged.records[0]!.updatedAt).toBe(new Date(NOW).toISOString());
    const edited = applyEdit(merged.records[0]!, { key: CF_KEY, fields: { notes: 'Typed after the import' }, at: NOW + 1000 }, NOW + 1000);
    expect(edited.annotation.notes).toBe('Typed after the import');
  });

  test('a time within the skew is kept as it is', () => {
    const incoming = annotation({ notes: 'Backup', fieldTimes: { ...annotation().fieldTimes, notes: NOW + 60_000 } });
    expect(mergeImport([annotation()], [incoming], NOW).records[0]!.fieldTimes.notes).toBe(NOW + 60_000);
  });
});
