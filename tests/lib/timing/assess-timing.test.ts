import { describe, expect, test } from 'vitest';
import { addDays, addMonths, financialYearBounds, financialYearOf, formatFinancialYear, isFinancialYear, isIsoDate, parseFinancialYear } from '@/lib/timing/financial-year';
import { assessTiming, type TimingVerdict } from '@/lib/timing/assess-timing';
import { describeNextWindow, describeTiming, formatAmount } from '@/lib/timing/describe';
import { TimingInputError, type TimingContractInput, type TimingSavingsInput } from '@/lib/timing/schema';

// The rules are issue 5's "Timing engine" section; lib/timing/assess-timing.ts tabulates them.

const saving = (financialYear: string, extra: Partial<TimingSavingsInput> = {}): TimingSavingsInput => ({
  financialYear,
  kind: 'saving',
  status: 'approved',
  ...extra,
});
const contract = (end: string, extra: Partial<TimingContractInput> = {}): TimingContractInput => ({ end, ...extra });

const verdictOf = (today: string, savings: TimingSavingsInput[] = [], contracts: TimingContractInput[] = []) =>
  assessTiming({ today, savings, contracts }).verdict;

describe('financial years', () => {
  test.each([
    ['2027-03-31', '2026/27'],
    ['2027-04-01', '2027/28'],
    ['2027-01-01', '2026/27'],
    ['2027-12-31', '2027/28'],
    ['2000-02-29', '1999/00'],
    ['2099-04-01', '2099/00'],
  ])('%s is in %s', (date, year) => expect(financialYearOf(date)).toBe(year));

  test.each([
    ['2027/28', 2027],
    ['1999/00', 1999],
    ['2099/00', 2099],
  ])('parse %s -> %i and back', (text, start) => {
    expect(parseFinancialYear(text)).toBe(start);
    expect(formatFinancialYear(start)).toBe(text);
  });

  test.each(['2027-28', '2027/29', 'FY28', '27/28', '2027/2028', ' 2027/28', '', '1899/00'])('%j is not a financial year', (text) => {
    expect(isFinancialYear(text)).toBe(false);
    expect(() => parseFinancialYear(text)).toThrow(/write it like 2027\/28/);
  });

  test('bounds run 1 April to 31 March', () => {
    expect(financialYearBounds(2027)).toEqual({ from: '2027-04-01', to: '2028-03-31' });
  });
});

describe('calendar arithmetic', () => {
  test.each([
    ['2028-08-31', -18, '2027-02-28'], // clamped: February 2027 has 28 days
    ['2028-08-31', -6, '2028-02-29'], // leap year
    ['2028-03-31', -1, '2028-02-29'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-06-15', -18, '2025-12-15'],
    ['2027-01-15', -1, '2026-12-15'],
    ['2027-01-15', 12, '2028-01-15'],
  ])('%s %+i months -> %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  test.each([
    ['2028-03-01', -1, '2028-02-29'],
    ['2027-03-01', -1, '2027-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s %+i days -> %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  test.each(['2027-02-29', '2027-06-31', '2027-13-01', '2027-1-1', '27-01-01', '2027-01-01T00:00:00Z', '0001-01-01', '9999-12-31'])(
    '%j is not a calendar date',
    (date) => expect(isIsoDate(date)).toBe(false),
  );
});

describe('savings: redesign, prepare and bedding down', () => {
  // A saving in 2027/28: redesign in 2026/27 (1 April 2026 to 31 March 2027); bedding down from
  // 1 April 2027 to 31 March 2029.
  test.each<[today: string, verdict: TimingVerdict, why: string]>([
    ['2020-01-01', 'prepare', 'years before the redesign year'],
    ['2026-03-31', 'prepare', 'last day before the redesign year (31 March is in 2025/26)'],
    ['2026-04-01', 'redesign-now', 'first day of the redesign year (1 April starts 2026/27)'],
    ['2026-11-30', 'redesign-now', 'inside the redesign year'],
    ['2027-03-31', 'redesign-now', 'last day of the redesign year'],
    ['2027-04-01', 'bedding-down', 'first day of the saving year'],
    ['2028-06-01', 'bedding-down', 'the year after the saving'],
    ['2029-03-31', 'bedding-down', 'last day of bedding down (end of year N+1)'],
    ['2029-04-01', 'no-signal', 'after bedding down'],
  ])('saving in 2027/28, today %s -> %s (%s)', (today, verdict) => {
    expect(verdictOf(today, [saving('2027/28')])).toBe(verdict);
  });

  test.each(['saving', 'restructure', 'service-review'])('a %s opens the same windows', (kind) => {
    const result = assessTiming({ today: '2026-11-30', savings: [saving('2027/28', { kind })], contracts: [] });
    expect(result.verdict).toBe('redesign-now');
    expect(result.signals.map((s) => [s.kind, s.phase, s.window])).toEqual([
      ['redesign', 'redesign-now', { from: '2026-04-01', to: '2027-03-31', financialYear: '2026/27' }],
      ['bedding-down', null, { from: '2027-04-01', to: '2029-03-31' }],
    ]);
  });

  test('prepare still names year N-1 as its window', () => {
    const [redesign] = assessTiming({ today: '2025-05-01', savings: [saving('2029/30')], contracts: [] }).signals;
    expect(redesign).toMatchObject({
      kind: 'redesign',
      phase: 'prepare',
      when: 'upcoming',
      window: { from: '2028-04-01', to: '2029-03-31', financialYear: '2028/29' },
    });
  });

  test('a past redesign window gives no phase', () => {
    const [redesign, bedding] = assessTiming({ today: '2027-05-01', savings: [saving('2027/28')], contracts: [] }).signals;
    expect(redesign).toMatchObject({ phase: null, when: 'past' });
    expect(bedding).toMatchObject({ phase: 'bedding-down', when: 'current' });
  });

  test.each(['proposed', 'approved', 'delivered'])('status %s moves nothing and is carried as evidence', (status) => {
    const result = assessTiming({ today: '2026-11-30', savings: [saving('2027/28', { status })], contracts: [] });
    expect(result.verdict).toBe('redesign-now');
    expect(result.signals[0]?.window).toEqual({ from: '2026-04-01', to: '2027-03-31', financialYear: '2026/27' });
    expect(result.signals[0]?.evidence).toMatchObject({ source: 'savings', status });
  });

  test('evidence carries the line as given, with its index, and leaves out missing fields', () => {
    const result = assessTiming({
      today: '2026-11-30',
      savings: [
        saving('2030/31'),
        saving('2027/28', { amount: 1_200_000, description: 'Reablement redesign', sourceUrl: 'https://example.gov.uk/budget', status: 'proposed', kind: 'restructure' }),
        saving('2028/29', { amount: null, description: null, sourceUrl: null }),
      ],
      contracts: [],
    });
    expect(result.signals[2]?.evidence).toEqual({
      source: 'savings',
      index: 1,
      financialYear: '2027/28',
      kind: 'restructure',
      status: 'proposed',
      amount: 1_200_000,
      description: 'Reablement redesign',
      sourceUrl: 'https://example.gov.uk/budget',
    });
    expect(result.signals[4]?.evidence).toEqual({ source: 'savings', index: 2, financialYear: '2028/29', kind: 'saving', status: 'approved' });
  });
});

describe('investment lines', () => {
  test('investment only: evidence, no window, no signal today', () => {
    const result = assessTiming({
      today: '2026-11-30',
      savings: [saving('2027/28', { kind: 'investment', amount: 500_000 }), saving('2026/27', { kind: 'investment' })],
      contracts: [],
    });
    expect(result.verdict).toBe('no-signal');
    expect(result.nextWindow).toBeUndefined();
    expect(result.signals).toEqual([
      { kind: 'investment', phase: null, window: null, when: null, evidence: expect.objectContaining({ index: 0, kind: 'investment', amount: 500_000 }) },
      { kind: 'investment', phase: null, window: null, when: null, evidence: expect.objectContaining({ index: 1, kind: 'investment' }) },
    ]);
  });
});

describe('contracts: procurement window and tender imminent', () => {
  // Ends 2028-09-15: procurement 2027-03-15 to 2028-03-14, tender 2028-03-15 to 2028-09-15.
  test.each<[today: string, verdict: TimingVerdict]>([
    ['2027-03-14', 'no-signal'],
    ['2027-03-15', 'procurement-window'],
    ['2028-03-14', 'procurement-window'],
    ['2028-03-15', 'tender-imminent'],
    ['2028-09-15', 'tender-imminent'],
    ['2028-09-16', 'no-signal'],
  ])('contract ending 2028-09-15, today %s -> %s', (today, verdict) => {
    expect(verdictOf(today, [], [contract('2028-09-15')])).toBe(verdict);
  });

  test('windows for an end on the 31st clamp to the month end', () => {
    const result = assessTiming({ today: '2026-01-01', savings: [], contracts: [contract('2028-08-31')] });
    expect(result.signals.map((s) => [s.kind, s.window])).toEqual([
      ['procurement', { from: '2027-02-28', to: '2028-02-28' }],
      ['tender', { from: '2028-02-29', to: '2028-08-31' }],
    ]);
  });

  // End 2027-04-30: tender from 2026-10-30. With every extension, 2028-10-31: procurement from
  // 2027-04-30, tender from 2028-04-30.
  test.each<[today: string, byEnd: TimingVerdict, byMaxEnd: TimingVerdict]>([
    ['2027-01-10', 'tender-imminent', 'no-signal'],
    ['2027-05-10', 'no-signal', 'procurement-window'],
    ['2028-06-01', 'no-signal', 'tender-imminent'],
  ])('maxEnd wins over end: today %s, by end %s, by maxEnd %s', (today, byEnd, byMaxEnd) => {
    expect(verdictOf(today, [], [contract('2027-04-30')])).toBe(byEnd);
    expect(verdictOf(today, [], [contract('2027-04-30', { maxEnd: '2028-10-31' })])).toBe(byMaxEnd);
  });

  test('maxEnd: windows count back from it, and the evidence keeps both dates', () => {
    const [procurement] = assessTiming({
      today: '2027-01-10',
      savings: [],
      contracts: [contract('2027-04-30', { maxEnd: '2028-10-31', title: 'Home care framework', supplier: 'Acme Care Ltd' })],
    }).signals;
    expect(procurement).toEqual({
      kind: 'procurement',
      phase: null,
      when: 'upcoming',
      window: { from: '2027-04-30', to: '2028-04-29' },
      evidence: {
        source: 'contract',
        index: 0,
        end: '2027-04-30',
        maxEnd: '2028-10-31',
        effectiveEnd: '2028-10-31',
        title: 'Home care framework',
        supplier: 'Acme Care Ltd',
      },
    });
  });

  test('a null maxEnd (as the protocol sends it) means no extension', () => {
    expect(verdictOf('2027-01-10', [], [contract('2027-04-30', { maxEnd: null })])).toBe('tender-imminent');
  });
});

describe('conflicting signals: the verdict is the first in priority order', () => {
  test.each<[name: string, savings: TimingSavingsInput[], contracts: TimingContractInput[], verdict: TimingVerdict]>([
    // today is 2026-11-30 throughout (financial year 2026/27)
    ['redesign-now beats procurement-window', [saving('2027/28')], [contract('2027-12-31')], 'redesign-now'],
    ['redesign-now beats tender-imminent', [saving('2027/28')], [contract('2027-03-01')], 'redesign-now'],
    ['redesign-now beats bedding-down', [saving('2027/28'), saving('2026/27')], [], 'redesign-now'],
    ['redesign-now beats prepare', [saving('2029/30'), saving('2027/28')], [], 'redesign-now'],
    ['procurement-window beats tender-imminent', [], [contract('2027-03-01'), contract('2027-12-31')], 'procurement-window'],
    ['procurement-window beats bedding-down', [saving('2026/27')], [contract('2027-12-31')], 'procurement-window'],
    ['tender-imminent beats bedding-down', [saving('2025/26')], [contract('2027-03-01')], 'tender-imminent'],
    ['tender-imminent beats prepare', [saving('2029/30')], [contract('2027-03-01')], 'tender-imminent'],
    ['bedding-down beats prepare', [saving('2029/30'), saving('2026/27')], [], 'bedding-down'],
    ['prepare beats no-signal', [saving('2029/30')], [contract('2030-01-01')], 'prepare'],
  ])('%s', (_name, savings, contracts, verdict) => {
    expect(verdictOf('2026-11-30', savings, contracts)).toBe(verdict);
  });

  test('every signal is listed, savings first in input order, whatever the verdict', () => {
    const result = assessTiming({ today: '2026-11-30', savings: [saving('2026/27'), saving('2027/28')], contracts: [contract('2027-12-31')] });
    expect(result.signals.map((s) => `${s.kind}:${s.phase ?? '-'}`)).toEqual([
      'redesign:-',
      'bedding-down:bedding-down',
      'redesign:redesign-now',
      'bedding-down:-',
      'procurement:procurement-window',
      'tender:-',
    ]);
  });
});

describe('empty input', () => {
  test('no signals, no verdict, no next window', () => {
    expect(assessTiming({ today: '2026-11-30', savings: [], contracts: [] })).toEqual({ today: '2026-11-30', verdict: 'no-signal', signals: [] });
  });
});

describe('next window', () => {
  test.each<[name: string, savings: TimingSavingsInput[], contracts: TimingContractInput[], expected: { kind: string; opens: string } | undefined]>([
    ['a redesign year ahead', [saving('2029/30')], [], { kind: 'redesign', opens: '2028-04-01' }],
    ['a procurement window ahead', [], [contract('2029-06-30')], { kind: 'procurement', opens: '2027-12-30' }],
    ['the earlier of the two', [saving('2029/30')], [contract('2029-06-30')], { kind: 'procurement', opens: '2027-12-30' }],
    ['a redesign window on the same day wins the tie', [saving('2029/30')], [contract('2029-10-01')], { kind: 'redesign', opens: '2028-04-01' }],
    ['the current window does not count', [saving('2027/28')], [], undefined],
    ['a tender window does not count (only redesign and procurement)', [], [contract('2027-03-01')], undefined],
    ['past windows do not count', [saving('2024/25')], [contract('2025-01-01')], undefined],
    ['the soonest of several', [saving('2031/32'), saving('2029/30'), saving('2030/31')], [], { kind: 'redesign', opens: '2028-04-01' }],
    ['a window opening tomorrow', [], [contract('2028-06-01')], { kind: 'procurement', opens: '2026-12-01' }],
  ])('%s', (_name, savings, contracts, expected) => {
    const next = assessTiming({ today: '2026-11-30', savings, contracts }).nextWindow;
    if (expected === undefined) expect(next).toBeUndefined();
    else expect(next).toMatchObject(expected);
  });

  test('no-signal still names the next opening, with its evidence', () => {
    const result = assessTiming({ today: '2026-11-30', savings: [], contracts: [contract('2029-06-30', { title: 'Libraries RFID' })] });
    expect(result.verdict).toBe('no-signal');
    expect(result.nextWindow).toEqual({
      kind: 'procurement',
      opens: '2027-12-30',
      window: { from: '2027-12-30', to: '2028-12-29' },
      evidence: { source: 'contract', index: 0, end: '2029-06-30', effectiveEnd: '2029-06-30', title: 'Libraries RFID' },
    });
  });
});

describe('invalid input', () => {
  test.each<[name: string, input: unknown, message: RegExp]>([
    ['today not a date', { today: '30/11/2026', savings: [], contracts: [] }, /at today/],
    ['today not a real date', { today: '2026-02-29', savings: [], contracts: [] }, /calendar date written YYYY-MM-DD[\s\S]*at today/],
    ['year written with a hyphen', { today: '2026-11-30', savings: [saving('2027-28')], contracts: [] }, /financial year written like 2027\/28[\s\S]*savings\[0\]\.financialYear/],
    ['years not consecutive', { today: '2026-11-30', savings: [saving('2027/29')], contracts: [] }, /savings\[0\]\.financialYear/],
    ['unknown kind', { today: '2026-11-30', savings: [saving('2027/28', { kind: 'cut' })], contracts: [] }, /one of saving, restructure, service-review, investment[\s\S]*savings\[0\]\.kind/],
    ['unknown status', { today: '2026-11-30', savings: [saving('2027/28', { status: 'Approved' })], contracts: [] }, /one of proposed, approved, delivered[\s\S]*savings\[0\]\.status/],
    ['negative amount', { today: '2026-11-30', savings: [saving('2027/28', { amount: -5 })], contracts: [] }, /not be negative[\s\S]*savings\[0\]\.amount/],
    ['amount not a number', { today: '2026-11-30', savings: [saving('2027/28', { amount: Number.NaN })], contracts: [] }, /savings\[0\]\.amount/],
    ['contract end malformed', { today: '2026-11-30', savings: [], contracts: [contract('2027-06-31')] }, /contracts\[0\]\.end/],
    ['contract end as an instant', { today: '2026-11-30', savings: [], contracts: [contract('2027-06-30T00:00:00Z')] }, /contracts\[0\]\.end/],
    ['maxEnd malformed', { today: '2026-11-30', savings: [], contracts: [contract('2027-06-30', { maxEnd: 'soon' })] }, /contracts\[0\]\.maxEnd/],
    ['lists missing', { today: '2026-11-30' }, /savings[\s\S]*contracts/],
  ])('%s', (_name, input, message) => {
    const run = () => assessTiming(input as never);
    expect(run).toThrow(TimingInputError);
    expect(run).toThrow(message);
    expect(run).toThrow(/^Invalid timing input/);
  });
});

describe('describeTiming', () => {
  const leeds = { councilName: 'Leeds City Council', groupLabel: 'Adult social care' };
  const describe_ = (today: string, savings: TimingSavingsInput[], contracts: TimingContractInput[] = [], options: Parameters<typeof describeTiming>[1] = leeds) =>
    describeTiming(assessTiming({ today, savings, contracts }), options);

  test.each<[name: string, today: string, savings: TimingSavingsInput[], contracts: TimingContractInput[], expected: string]>([
    [
      'redesign-now (the issue’s example)',
      '2026-11-30',
      [saving('2027/28', { amount: 1_200_000 })],
      [],
      'Redesign year: savings of £1.2m in Adult social care are planned for 2027/28. Now is the time to talk to the head of service.',
    ],
    [
      'redesign-now: amounts add up; a line without an amount makes it "at least"',
      '2026-11-30',
      [saving('2027/28', { amount: 1_000_000 }), saving('2027/28', { amount: 350_000 }), saving('2027/28')],
      [],
      'Redesign year: savings of at least £1.4m in Adult social care are planned for 2027/28. Now is the time to talk to the head of service.',
    ],
    [
      'redesign-now: a restructure',
      '2026-11-30',
      [saving('2027/28', { kind: 'restructure' })],
      [],
      'Redesign year: a restructure in Adult social care is planned for 2027/28. Now is the time to talk to the head of service.',
    ],
    [
      'prepare',
      '2026-11-30',
      [saving('2029/30', { amount: 350_000 })],
      [],
      'Prepare: savings of £350k in Adult social care are planned for 2029/30, so 2028/29 will be the redesign year. Get to know the service before it starts on 1 April 2028.',
    ],
    [
      'bedding-down',
      '2026-11-30',
      [saving('2026/27', { kind: 'service-review' })],
      [],
      'Bedding down: a service review in Adult social care was planned for 2026/27. The service is settling into its new shape until 31 March 2028: expect polite interest, not buying.',
    ],
    [
      'procurement-window',
      '2026-11-30',
      [],
      [contract('2027-04-30', { maxEnd: '2027-12-31', title: 'Home care framework', supplier: 'Acme Care Ltd' })],
      'Procurement window: “Home care framework” (Acme Care Ltd) ends on 31 December 2027 with every extension, so the council should be planning what replaces it. Now is the time to talk to the service and procurement leads.',
    ],
    [
      'tender-imminent',
      '2026-11-30',
      [],
      [contract('2027-03-01')],
      'Tender imminent: a contract ends on 1 March 2027. A tender is likely to be out or about to be: watch Contracts Finder and Find a Tender.',
    ],
    [
      'no-signal with a window ahead',
      '2026-11-30',
      [saving('2024/25')],
      [contract('2029-06-30', { title: 'Libraries RFID' })],
      'No timing signal: nothing recorded for Adult social care at Leeds City Council points to now. The next window opens on 30 December 2027: re-procurement of “Libraries RFID”, which ends on 30 June 2029.',
    ],
    [
      'no-signal with nothing recorded',
      '2026-11-30',
      [],
      [],
      'No timing signal: no savings programme or contract end dates are recorded for Adult social care at Leeds City Council.',
    ],
  ])('%s', (_name, today, savings, contracts, expected) => {
    expect(describe_(today, savings, contracts)).toBe(expected);
  });

  test('without a group it names the council; a custom amount formatter is used', () => {
    const text = describe_('2026-11-30', [saving('2027/28', { amount: 1_200_000 })], [], {
      councilName: 'Leeds City Council',
      amountFormatter: (n) => `£${n.toLocaleString('en-GB')}`,
    });
    expect(text).toBe('Redesign year: savings of £1,200,000 at Leeds City Council are planned for 2027/28. Now is the time to talk to the head of service.');
  });

  test('describeNextWindow for a redesign year', () => {
    const result = assessTiming({ today: '2026-11-30', savings: [saving('2029/30', { kind: 'restructure' })], contracts: [] });
    expect(describeNextWindow(result)).toBe('The next window opens on 1 April 2028: the redesign year before a restructure planned for 2029/30.');
    expect(describeNextWindow(assessTiming({ today: '2026-11-30', savings: [], contracts: [] }))).toBeNull();
  });

  test.each([
    [800, '£800'],
    [350_000, '£350k'],
    [999_499, '£999k'],
    [999_500, '£1m'],
    [1_200_000, '£1.2m'],
    [12_400_000, '£12m'],
  ])('formatAmount(%i) = %s', (amount, expected) => expect(formatAmount(amount)).toBe(expected));
});

describe('forward notices: a tender expected on F', () => {
  const planned = { published: '2026-08-10', expectedTenderDate: '2027-03-01', title: 'Highways maintenance framework', noticeType: 'planned procurement notice' };

  test.each<[string, TimingVerdict]>([
    ['2026-12-06', 'procurement-window'],
    ['2027-03-01', 'procurement-window'],
    ['2027-03-02', 'no-signal'],
    ['2026-08-09', 'no-signal'],
  ])('on %s the verdict is %s', (today, verdict) => {
    expect(assessTiming({ today, savings: [], contracts: [], planned: [planned] }).verdict).toBe(verdict);
  });

  test('the notice is named as the evidence, and the sentence says when the tender is expected', () => {
    const result = assessTiming({ today: '2026-12-06', savings: [], contracts: [], planned: [planned] });
    expect(result.signals).toEqual([
      {
        kind: 'procurement',
        phase: 'procurement-window',
        window: { from: '2026-08-10', to: '2027-03-01' },
        when: 'current',
        evidence: { source: 'planned', index: 0, published: '2026-08-10', expectedTenderDate: '2027-03-01', title: 'Highways maintenance framework', noticeType: 'planned procurement notice' },
      },
    ]);
    expect(describeTiming(result, { councilName: 'Leeds City Council', groupLabel: 'Highways and transport' })).toBe(
      'Procurement window: the council has published a planned procurement notice for “Highways maintenance framework”, with the tender expected on 1 March 2027. Now is the time to talk to the service lead, before the specification is written.',
    );
  });

  test('a redesign year outranks it; a contract-only window is still described by its contract', () => {
    expect(assessTiming({ today: '2026-12-06', savings: [saving('2027/28')], contracts: [], planned: [planned] }).verdict).toBe('redesign-now');
    const both = assessTiming({ today: '2026-12-06', savings: [], contracts: [contract('2028-01-31', { title: 'Old framework' })], planned: [] });
    expect(describeTiming(both, { councilName: 'Leeds City Council' })).toContain('“Old framework” ends on 31 January 2028');
  });

  test('an expected date before its publication is not evidence', () => {
    expect(assessTiming({ today: '2026-12-06', savings: [], contracts: [], planned: [{ ...planned, expectedTenderDate: '2026-01-01' }] }).signals).toEqual([]);
  });

  test('a malformed expected date is refused like any timing input', () => {
    expect(() => assessTiming({ today: '2026-12-06', savings: [], contracts: [], planned: [{ ...planned, expectedTenderDate: '1 March' }] })).toThrow(TimingInputError);
  });
});
