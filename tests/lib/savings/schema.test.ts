import { describe, expect, test } from 'vitest';
import { normaliseDescription, SavingsItemSchema, savingsDuplicateKey, type SavingsItem } from '@/lib/savings';

const item: SavingsItem = {
  id: 'sav-1',
  council: 'LDS',
  serviceGroup: 'adult-social-care',
  financialYear: '2027/28',
  amountGbp: 1_200_000,
  kind: 'service-review',
  status: 'proposed',
  description: 'Review of day services',
  sourceUrl: 'https://democracy.leeds.gov.uk/',
  sourceTitle: 'Revenue Budget 2027/28',
  addedAt: '2026-11-30T09:00:00.000Z',
  addedBy: 'capture',
};

describe('SavingsItemSchema', () => {
  test('accepts a full item and one with only the required fields', () => {
    expect(SavingsItemSchema.parse(item)).toEqual(item);
    const { amountGbp: _a, sourceUrl: _u, sourceTitle: _t, ...required } = item;
    expect(SavingsItemSchema.parse(required)).toEqual(required);
  });

  test.each([
    ['financialYear', '2027/29'],
    ['financialYear', '2027-28'],
    ['financialYear', 'FY28'],
    ['council', 'Leeds'],
    ['serviceGroup', 'Adult social care'],
    ['amountGbp', -1],
    ['amountGbp', Number.NaN],
    ['kind', 'cut'],
    ['status', 'maybe'],
    ['description', '   '],
    ['sourceUrl', 'javascript:alert(1)'],
    ['sourceUrl', 'ftp://leeds.gov.uk/'],
    ['sourceUrl', 'leeds.gov.uk'],
    ['addedAt', '30/11/2026'],
    ['addedBy', 'sync'],
    ['id', ''],
  ])('refuses %s = %j', (key, value) => {
    expect(SavingsItemSchema.safeParse({ ...item, [key]: value }).success).toBe(false);
  });

  test.each(['1999/00', '2027/28', '2099/00'])('accepts the year %s', (financialYear) => {
    expect(SavingsItemSchema.safeParse({ ...item, financialYear }).success).toBe(true);
  });
});

describe('savingsDuplicateKey', () => {
  test.each([
    ['case, spacing and punctuation', { description: '  REVIEW of day-services. ' }],
    ['status', { status: 'approved' as const }],
    ['source and provenance', { sourceUrl: undefined, sourceTitle: 'Other', addedBy: 'import' as const, addedAt: '2027-01-01T00:00:00Z', id: 'x' }],
    ['float noise in the amount', { amountGbp: 1_200_000.0000001 }],
  ])('ignores %s', (_name, change) => {
    expect(savingsDuplicateKey({ ...item, ...change })).toBe(savingsDuplicateKey(item));
  });

  test.each([
    ['council', { council: 'KEN' }],
    ['service group', { serviceGroup: 'education' as const }],
    ['year', { financialYear: '2028/29' }],
    ['kind', { kind: 'saving' as const }],
    ['amount', { amountGbp: 1_300_000 }],
    ['no amount', { amountGbp: undefined }],
    ['description', { description: 'Review of day centres' }],
  ])('tells apart a different %s', (_name, change) => {
    expect(savingsDuplicateKey({ ...item, ...change })).not.toBe(savingsDuplicateKey(item));
  });

  test('normaliseDescription folds case, accents, "&" and punctuation', () => {
    expect(normaliseDescription('  Café & Day-Services:  REVIEW! ')).toBe('cafe and day services review');
  });
});
