import { describe, expect, test } from 'vitest';
import { parseSavingsFile, SAVINGS_COLUMNS, type SavingsImportResult, type SavingsItem } from '@/lib/savings';
import { fixture, importContext, NOW, resolveCouncil } from './support';

/** The four items of good.csv and good.json, without ids. */
const GOOD: Array<Omit<SavingsItem, 'id'>> = [
  {
    council: 'LDS',
    serviceGroup: 'adult-social-care',
    financialYear: '2027/28',
    amountGbp: 1_200_000,
    kind: 'service-review',
    status: 'proposed',
    description: 'Review of day services, moving to community-based support',
    sourceUrl: 'https://democracy.leeds.gov.uk/',
    addedAt: NOW,
    addedBy: 'import',
  },
  {
    council: 'KEN',
    serviceGroup: 'highways-transport',
    financialYear: '2027/28',
    amountGbp: 350_000,
    kind: 'restructure',
    status: 'approved',
    description: 'Restructure of the highways maintenance team ("one team" model)',
    sourceUrl: 'https://www.kent.gov.uk/',
    addedAt: NOW,
    addedBy: 'import',
  },
  {
    council: 'BIR',
    serviceGroup: 'culture-leisure',
    financialYear: '2027/28',
    amountGbp: 1_200_000,
    kind: 'saving',
    status: 'proposed',
    description: 'Reduce library opening hours',
    addedAt: NOW,
    addedBy: 'import',
  },
  {
    council: 'CMD',
    serviceGroup: 'childrens-social-care',
    financialYear: '2026/27',
    kind: 'investment',
    status: 'delivered',
    description: 'Invest in family hubs',
    sourceUrl: 'https://www.camden.gov.uk/budget',
    addedAt: NOW,
    addedBy: 'import',
  },
];

const withoutIds = (result: SavingsImportResult) => (result.ok ? result.items.map(({ id: _id, ...rest }) => rest) : result);

describe('good files', () => {
  test.each([
    ['good.csv as written (LF, # note line)', () => fixture('good.csv')],
    ['good.csv with CRLF line ends', () => fixture('good.csv').replace(/\n/g, '\r\n')],
    ['good.csv with a BOM and CRLF', () => '\uFEFF' + fixture('good.csv').replace(/\n/g, '\r\n')],
    ['good.csv without its note line', () => fixture('good.csv').split('\n').slice(1).join('\n')],
    ['good.csv without a final line break', () => fixture('good.csv').trimEnd()],
    ['good.csv with blank lines', () => fixture('good.csv').replace(/\n(?=Reduce)/, '\n\n,,,,,,,\n')],
  ])('%s', (_name, text) => {
    const result = parseSavingsFile(text(), 'csv', importContext());
    expect(withoutIds(result)).toEqual(GOOD);
    expect(result).toMatchObject({ ok: true, duplicates: [] });
  });

  test('good.json gives the same items as good.csv', () => {
    const result = parseSavingsFile(fixture('good.json'), 'json', importContext());
    expect(withoutIds(result)).toEqual(GOOD);
  });

  test('JSON may be a bare array', () => {
    const items = (JSON.parse(fixture('good.json')) as { items: unknown[] }).items;
    expect(withoutIds(parseSavingsFile(JSON.stringify(items), 'json', importContext()))).toEqual(GOOD);
  });

  test('ids are stable, distinct and "sav-" prefixed; an injected id maker is used', () => {
    const a = parseSavingsFile(fixture('good.csv'), 'csv', importContext());
    const b = parseSavingsFile(fixture('good.csv'), 'csv', importContext({ now: '2027-01-01T00:00:00Z' }));
    const ids = a.ok ? a.items.map((i) => i.id) : [];
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    ids.forEach((id) => expect(id).toMatch(/^sav-[0-9a-f]{8}$/));
    expect(b.ok && b.items.map((i) => i.id)).toEqual(ids);
    let n = 0;
    const c = parseSavingsFile(fixture('good.csv'), 'csv', importContext({ newId: () => `id-${++n}` }));
    expect(c.ok && c.items.map((i) => i.id)).toEqual(['id-1', 'id-2', 'id-3', 'id-4']);
  });

  test('a header-only file imports nothing, successfully', () => {
    expect(parseSavingsFile(SAVINGS_COLUMNS.join(',') + '\n', 'csv', importContext())).toEqual({ ok: true, items: [], duplicates: [] });
  });

  test('header names are read loosely: any order, case and spacing', () => {
    const text = 'Council, Service Group ,FINANCIAL_YEAR,amount-gbp,kind,status,description,source_url\nLDS,waste,2027/28,,saving,proposed,Bins,\n';
    expect(parseSavingsFile(text, 'csv', importContext())).toMatchObject({ ok: true, items: [{ council: 'LDS', serviceGroup: 'waste' }] });
  });
});

describe('bad files: nothing is imported, every bad row is named', () => {
  test('bad.csv reports each bad row at its physical line, and returns no items', () => {
    const result = parseSavingsFile(fixture('bad.csv'), 'csv', importContext());
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('items');
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'council'],
      [5, 'service_group'],
      [6, 'financial_year'],
      [7, 'amount_gbp'],
      [8, 'amount_gbp'],
      [8, 'kind'],
      [8, 'status'],
      [8, 'source_url'],
      [10, undefined],
      [11, 'description'],
    ]);
    expect(result.errors.map((e) => e.reason)).toEqual([
      '"Nowhere Council" is not a council we recognise; give its register code (e.g. LDS) or its full name (e.g. Leeds City Council)',
      '"social work" is not a service group; give its id (e.g. adult-social-care) or label (e.g. Adult social care)',
      '2027/29 is not a financial year: the second year must be the one after the first, e.g. 2027/28',
      '"-£1.2m" is negative; write the size of the saving as a positive amount, e.g. 1200000 or £1.2m',
      '"lots" is not an amount in pounds; write it like 1200000, 1,200,000, £1.2m or 350k',
      '"cut" is not a kind; use saving, restructure, service-review or investment',
      '"maybe" is not a status; use proposed, approved or delivered',
      '"ftp://leeds.gov.uk/x" is not a web address; give the page or document link, starting https://',
      'This row has 7 fields but the header has 8; put text containing commas in double quotes',
      'Description is missing; say what the saving or change is',
    ]);
  });

  test('CRLF and a BOM do not move the line numbers', () => {
    const lf = parseSavingsFile(fixture('bad.csv'), 'csv', importContext());
    const crlf = parseSavingsFile('\uFEFF' + fixture('bad.csv').replace(/\n/g, '\r\n'), 'csv', importContext());
    expect(crlf).toEqual(lf);
  });

  test('one bad row among good ones fails the whole file', () => {
    // good.csv's header puts description first.
    const text = fixture('good.csv') + 'Bins,Atlantis,waste,2027/28,,saving,proposed,\n';
    const result = parseSavingsFile(text, 'csv', importContext());
    expect(result).toEqual({ ok: false, errors: [{ line: 8, column: 'council', reason: expect.stringMatching(/^"Atlantis" is not a council/) }] });
  });

  test('bad.json reports items by their 1-based position, and returns no items', () => {
    const result = parseSavingsFile(fixture('bad.json'), 'json', importContext());
    expect(result).not.toHaveProperty('items');
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, column: 'amount', reason: 'Unknown key "amount"; the keys are council, service_group, financial_year, amount_gbp, kind, status, description, source_url' },
        { line: 4, column: 'council', reason: expect.stringMatching(/^"Atlantis" is not a council/) },
        { line: 4, column: 'financial_year', reason: expect.stringMatching(/^"2027" is not a financial year/) },
        { line: 4, column: 'amount_gbp', reason: expect.stringMatching(/negative/) },
        { line: 4, column: 'description', reason: expect.stringMatching(/missing/) },
        { line: 5, reason: expect.stringMatching(/^Item 5 is not an object/) },
      ],
    });
  });

  test.each([
    ['', 1, /empty/],
    ['# just a note\n', 2, /empty/],
    ['council,service_group,financial_year,amount_gbp,kind,status,description\n', 1, /^Missing column source_url/],
    ['council,service_group,financial_year,amount_gbp,kind,status,description,source_url,notes\n', 1, /^Unknown column "notes"/],
    ['council,council,service_group,financial_year,amount_gbp,kind,status,description,source_url\n', 1, /^Column council appears more than once/],
    ['# note\nLDS,waste,2027/28,,saving,proposed,Bins,\n', 2, /Unknown columns/],
    [`${SAVINGS_COLUMNS.join(',')}\nLDS,waste,2027/28,,saving,proposed,"Bins,\n`, 2, /never closed/],
  ])('file-level problem in %j is reported on line %i', (text, line, reason) => {
    const result = parseSavingsFile(text, 'csv', importContext());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ line, reason: expect.stringMatching(reason) });
    }
  });

  test.each([
    ['{"items": [', /^Not valid JSON/],
    ['{"rows": []}', /Expected a JSON array/],
    ['"LDS"', /Expected a JSON array/],
  ])('unreadable JSON %j is a whole-file error (line 0)', (text, reason) => {
    expect(parseSavingsFile(text, 'json', importContext())).toEqual({ ok: false, errors: [{ line: 0, reason: expect.stringMatching(reason) }] });
  });

  test('JSON values of the wrong type are named', () => {
    const text = JSON.stringify([{ council: 'LDS', service_group: ['waste'], financial_year: '2027/28', kind: 'saving', status: 'proposed', description: { text: 'x' } }]);
    expect(parseSavingsFile(text, 'json', importContext())).toEqual({
      ok: false,
      errors: [
        { line: 1, column: 'service_group', reason: 'service_group must be text, not a list' },
        { line: 1, column: 'description', reason: 'description must be text, not object' },
      ],
    });
  });
});

describe('duplicates are reported, not doubled', () => {
  const existing: SavingsItem[] = [
    {
      id: 'saved-1',
      council: 'KEN',
      serviceGroup: 'adult-social-care',
      financialYear: '2027/28',
      amountGbp: 2_500_000,
      kind: 'saving',
      status: 'approved',
      description: 'Reablement first: fewer long-term home care packages',
      addedAt: '2026-10-01T12:00:00.000Z',
      addedBy: 'form',
    },
  ];

  test('duplicates.csv: within the file and against saved items', () => {
    const result = parseSavingsFile(fixture('duplicates.csv'), 'csv', importContext({ existing }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items.map((i) => [i.council, i.financialYear, i.description])).toEqual([
      ['LDS', '2027/28', 'Move to three-weekly bin collections'],
      ['KEN', '2028/29', 'Reablement first: fewer long-term home care packages'],
    ]);
    expect(result.duplicates).toEqual([
      { line: 4, reason: 'Same as line 3 in this file: LDS, waste, 2027/28, saving: Move to three-weekly bin collections' },
      { line: 5, reason: 'Same as line 3 in this file: LDS, waste, 2027/28, saving: move to three weekly bin collections.' },
      // The saved item is approved, the file still says proposed: a duplicate, and the report says which status stays.
      {
        line: 6,
        reason:
          "Already saved: KEN, adult-social-care, 2027/28, saving: Reablement first: fewer long-term home care packages (added 2026-10-01); the saved item's status (approved) is kept, not this file's (proposed)",
      },
    ]);
  });

  test('importing the same file twice adds nothing the second time', () => {
    const first = parseSavingsFile(fixture('good.csv'), 'csv', importContext());
    if (!first.ok) throw new Error('good.csv should import');
    const second = parseSavingsFile(fixture('good.json'), 'json', importContext({ existing: first.items }));
    expect(second).toMatchObject({ ok: true, items: [] });
    expect(second.ok && second.duplicates.map((d) => d.line)).toEqual([1, 2, 3, 4]);
  });

  test('an item differing in amount or year is not a duplicate', () => {
    const head = SAVINGS_COLUMNS.join(',');
    const text = [head, 'LDS,waste,2027/28,1200000,saving,proposed,Bins,', 'LDS,waste,2027/28,1300000,saving,proposed,Bins,', 'LDS,waste,2028/29,1200000,saving,proposed,Bins,', 'LDS,waste,2027/28,,saving,proposed,Bins,'].join('\n');
    const result = parseSavingsFile(text, 'csv', importContext());
    expect(result).toMatchObject({ ok: true, duplicates: [] });
    expect(result.ok && result.items).toHaveLength(4);
  });

  test('a new item never takes an id already in use', () => {
    const head = SAVINGS_COLUMNS.join(',');
    const result = parseSavingsFile(`${head}\nLDS,waste,2027/28,,saving,proposed,Bins,\n`, 'csv', importContext({ existing: [{ ...existing[0]!, id: 'taken' }], newId: () => 'taken' }));
    expect(result.ok && result.items[0]!.id).toBe('taken-2');
  });
});

describe('the council column: code or any name the recognition engine resolves', () => {
  test.each([
    ['LDS', 'LDS'],
    ['lds', 'LDS'],
    ['Leeds', 'LDS'],
    ['Leeds City Council', 'LDS'],
    ['Leeds CC', 'LDS'],
    ['Kent County Council', 'KEN'],
    ['LB Camden', 'CMD'],
    ['Royal Borough of Kensington and Chelsea', 'KEC'],
    ['City of Edinburgh Council', 'EDH'],
    ['Rhondda Cynon Taf CBC', expect.any(String)],
    // Abolished councils give today's: Taunton Deane became part of Somerset Council.
    ['Taunton Deane Borough Council', 'SMT'],
    // A council that split keeps its own code rather than picking a successor.
    ['Cumbria County Council', 'CMA'],
    ['Nowhere Council', null],
    ['Kent Police', null],
    ['', null],
  ])('%j -> %s', (name, code) => {
    expect(resolveCouncil(name)).toEqual(code);
  });
});

describe('hostile values are refused with a reason (issue 16)', () => {
  const item = { council: 'LDS', service_group: 'waste', financial_year: '2027/28', kind: 'saving', status: 'proposed', description: 'Route optimisation', source_url: '' };
  const errorsOf = (result: SavingsImportResult) => (result.ok ? [] : result.errors.map((e) => [e.column ?? '', e.reason]));

  test('1e999 in JSON (Infinity) is too large, not negative', () => {
    const result = parseSavingsFile(`[${JSON.stringify({ ...item, amount_gbp: 0 }).replace('"amount_gbp":0', '"amount_gbp":1e999')}]`, 'json', importContext());
    expect(errorsOf(result)).toEqual([['amount_gbp', '"Infinity" is too large for an amount in pounds; write the saving in pounds, e.g. 1200000 or £1.2m']]);
  });

  test.each(['1e13', '9'.repeat(400), '£2000bn'])('amount %s written as text is too large', (amount) => {
    const result = parseSavingsFile(JSON.stringify([{ ...item, amount_gbp: amount }]), 'json', importContext());
    const [[column, reason]] = errorsOf(result) as [[string, string]];
    expect(column).toBe('amount_gbp');
    expect(reason).toMatch(/is (too large for an amount in pounds|not an amount in pounds)/);
  });

  test('a £1 trillion amount is still read', () => {
    expect(parseSavingsFile(JSON.stringify([{ ...item, amount_gbp: 1e12 }]), 'json', importContext())).toMatchObject({ ok: true, items: [{ amountGbp: 1e12 }] });
  });

  test.each([
    ['source_title', 'x'.repeat(501), 'Source title is 501 characters; keep it under 500'],
    ['id', 'i'.repeat(101), 'id is 101 characters; an id is at most 100'],
    ['source_url', `https://example.org/${'p'.repeat(2048)}`, 'The web address is 2068 characters; a link to a page or document is at most 2048'],
  ])('an overlong %s is refused', (key, value, reason) => {
    expect(errorsOf(parseSavingsFile(JSON.stringify([{ ...item, [key]: value }]), 'json', importContext()))).toEqual([[key, reason]]);
  });
});
