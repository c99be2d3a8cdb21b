import { describe, expect, test } from 'vitest';
import { AnnotationDraft, EMPTY_DRAFT, remoteChangeMessage, type EditorField } from '@/lib/workspace/annotation-draft';
import { annotationKey, isOwnerInput, ownerFromInput, STATUS_LABELS, ANNOTATION_STATUSES, MAX_TEXT_LENGTH } from '@/lib/workspace/annotation-fields';
import { applyEdit } from '@/lib/workspace/merge';
import { AnnotationEditSchema, OwnerSchema } from '@/lib/workspace/schema';
import { annotation, CF_KEY, NOTICE, T0 } from './support';

/** A draft that loaded `stored`, then had `edits` typed into it. */
function draftAfter(stored: ReturnType<typeof annotation> | null, edits: [EditorField, string][] = []): AnnotationDraft {
  const draft = new AnnotationDraft();
  draft.adopt(stored);
  for (const [field, value] of edits) draft.edit(field, value);
  return draft;
}

describe('field rules shared with the schema', () => {
  test.each(['JS', 'js', ' ab ', 'ABCD', '', 'ABCDE', 'J5', 'J S', 'é', 'ß'])('owner %j: the editor saves it exactly when the background accepts it', (text) => {
    const accepted = text.trim() === '' || OwnerSchema.safeParse(text).success;
    // ß upper-cases to SS, which the schema takes; the editor keeps to ASCII letters as typed.
    expect(isOwnerInput(text)).toBe(text === 'ß' ? false : accepted);
    if (isOwnerInput(text) && text.trim() !== '') expect(ownerFromInput(text)).toBe(OwnerSchema.parse(text));
  });

  test.each([
    [{ site: 'contracts-finder', noticeId: 'abc', ocid: 'ocds-b5fd17-abc' }, 'ocds-b5fd17-abc'],
    [{ site: 'find-a-tender', noticeId: '034567-2026', ocid: null }, 'find-a-tender:034567-2026'],
    [{ site: 'find-a-tender', noticeId: '034567-2026' }, 'find-a-tender:034567-2026'],
  ])('annotationKey(%j) = %s', (notice, key) => {
    expect(annotationKey(notice)).toBe(key);
  });

  test('every status has a label, in workflow order', () => {
    expect(Object.keys(STATUS_LABELS)).toEqual([...ANNOTATION_STATUSES]);
    expect(MAX_TEXT_LENGTH).toBe(500);
  });
});

describe('adopting a stored version', () => {
  test.each<[string, [EditorField, string][], EditorField | null, Partial<Record<EditorField, string>>, EditorField[]]>([
    ['nothing edited: every field follows', [], null, { notes: 'Theirs', status: 'go' }, ['status', 'notes']],
    ['notes typed here: kept, the status follows', [['notes', 'Mine']], null, { notes: 'Mine', status: 'go' }, ['status']],
    ['cursor in the notes, nothing typed: kept', [], 'notes', { notes: 'Old', status: 'go' }, ['status']],
    ['a focused select still follows', [], 'status', { notes: 'Theirs', status: 'go' }, ['status', 'notes']],
  ])('%s', (_name, edits, focused, shown, changed) => {
    const draft = draftAfter(annotation({ notes: 'Old' }), edits);
    draft.focused = focused;
    const newer = annotation({ notes: 'Theirs', status: 'go', fieldTimes: { ...annotation().fieldTimes, notes: T0 + 5, status: T0 + 5 } });
    expect(draft.adopt(newer)).toEqual(changed);
    expect(draft.draft).toMatchObject(shown);
  });

  test('an older version than the one seen changes nothing', () => {
    const draft = draftAfter(annotation({ notes: 'Newer', fieldTimes: { ...annotation().fieldTimes, notes: T0 + 50 } }));
    expect(draft.adopt(annotation({ notes: 'Older' }))).toEqual([]);
    expect(draft.draft.notes).toBe('Newer');
  });

  test('deleted elsewhere: fields not being edited go back to empty, and there is no record', () => {
    const draft = draftAfter(annotation({ notes: 'Saved', owner: 'JS' }), [['owner', 'AB']]);
    expect(draft.adopt(null)).toEqual(['notes', 'tags']);
    expect(draft.draft).toEqual({ ...EMPTY_DRAFT, owner: 'AB' });
    expect(draft.hasRecord).toBe(false);
  });
});

describe('what is saved', () => {
  test.each<[string, [EditorField, string][], EditorField[], boolean]>([
    ['nothing typed', [], [], false],
    ['notes', [['notes', 'x']], ['notes'], true],
    ['owner not yet valid: waits', [['owner', 'ABCDE']], [], false],
    ['owner not yet valid, notes too: the notes go', [['owner', 'ABCDE'], ['notes', 'x']], ['notes'], true],
    ['owner valid', [['owner', 'js']], ['owner'], true],
  ])('%s', (_name, edits, saved, savable) => {
    const draft = draftAfter(annotation(), edits);
    expect(draft.hasSavable).toBe(savable);
    expect(draft.beginSave()).toEqual(saved);
  });

  test('a first save carries the page and every required field, and the background accepts it', () => {
    const draft = draftAfter(null, [['owner', ' js ']]);
    const edit = draft.editFor(draft.beginSave(), NOTICE, T0);
    expect(edit).toEqual({
      key: CF_KEY,
      at: T0,
      baseTimes: {},
      fields: {
        owner: 'JS',
        status: 'watching',
        tags: [],
        notes: '',
        site: 'contracts-finder',
        noticeUrl: NOTICE.noticeUrl,
        title: NOTICE.title,
        buyerName: NOTICE.buyerName,
        noticeDeadline: NOTICE.deadline,
        council: 'LDS',
        serviceGroup: 'adult-social-care',
      },
    });
    expect(AnnotationEditSchema.safeParse(edit).success).toBe(true);
  });

  test.each<[string, [EditorField, string][], Record<string, unknown>]>([
    ['tags as stored', [['tags', 'Care; framework, care']], { tags: ['care', 'framework'] }],
    ['the notice’s own deadline again clears the bid deadline', [['bidDeadline', '']], { bidDeadline: null }],
    ['an empty owner clears it', [['owner', ' ']], { owner: null }],
    ['a status', [['status', 'bidding']], { status: 'bidding' }],
  ])('a later save sends only the changed field: %s', (_name, edits, fields) => {
    const stored = annotation({ noticeDeadline: NOTICE.deadline! });
    const draft = draftAfter(stored, edits);
    const edit = draft.editFor(draft.beginSave(), NOTICE, T0 + 1000);
    expect(edit.fields).toEqual(fields);
    expect(edit.baseTimes).toEqual(stored.fieldTimes);
  });

  test('saved: the fields stand at their saved times; another tab’s later change then shows', () => {
    const stored = annotation();
    const draft = draftAfter(stored, [['notes', 'Mine']]);
    const edit = draft.editFor(draft.beginSave(), NOTICE, T0 + 1000);
    const result = applyEdit(stored, edit);
    draft.saved(edit, result.annotation);
    expect(draft.hasUnsaved).toBe(false);
    expect(draft.isEditing('notes')).toBe(false);
    const theirs = applyEdit(result.annotation, { key: CF_KEY, fields: { notes: 'Theirs' }, at: T0 + 2000 }).annotation;
    expect(remoteChangeMessage(draft.adopt(theirs))).toBe('Another tab changed the notes; this page now shows that version.');
  });

  test('failed: what was in flight is unsaved again, for the next try', () => {
    const draft = draftAfter(annotation(), [['notes', 'Mine']]);
    expect(draft.beginSave()).toEqual(['notes']);
    expect(draft.hasUnsaved).toBe(false);
    expect(draft.isEditing('notes')).toBe(true);
    draft.failed();
    expect(draft.hasUnsaved).toBe(true);
    expect(draft.beginSave()).toEqual(['notes']);
  });
});
