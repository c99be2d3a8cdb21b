import { describe, expect, test } from 'vitest';
import { councilSpendData, formatChange, formatThousands, groupSpend, lineFigure, spendSentence, spendTable } from '@/lib/spend/summary';
import { SPEND_LINE_IDS, type SpendFile } from '@/lib/spend/schema';
import { register, spendFile } from '../business-case/sample';

const line = (values: Partial<Record<(typeof SPEND_LINE_IDS)[number], number>>) => SPEND_LINE_IDS.map((id) => values[id] ?? 0);

/** A made-up council in the shape of spend.json: £ thousand, three years, one not submitted. */
const file: SpendFile = {
  ...spendFile,
  councils: [
    {
      code: 'TST',
      gss: 'E06000999',
      years: [
        { year: '2021-22', status: 'not-submitted', source: 0 },
        { year: '2022-23', status: 'published', source: 1, net: line({ asc: 292_453, cen: 20_000, total: 780_000 }), expenditure: null, income: null },
        { year: '2023-24', status: 'published', source: 2, net: line({ asc: 300_000, cen: 21_000, total: 800_000 }), expenditure: null, income: null },
        { year: '2024-25', status: 'published', source: 3, net: line({ asc: 310_000, cen: 22_500, total: 815_000 }), expenditure: line({ asc: 420_000 }), income: line({ asc: 110_000 }) },
      ],
    },
  ],
  missing: [{ code: 'GON', name: 'Gone Council', reason: 'GSS E0 is in none of the RSX years' }],
};
const data = councilSpendData(file, 'TST', 'England');

describe('the spend line', () => {
  test('figure, share, trend on two years before, per resident', () => {
    const figure = lineFigure(data, 'asc', 815_000)!;
    expect(figure).toMatchObject({ year: '2024-25', net: 310_000, change: { from: '2022-23' }, expenditure: 420_000, income: 110_000 });
    expect(figure.share).toBeCloseTo(310 / 815, 10);
    expect(figure.perResident).toBeCloseTo(380.37, 2);
    expect(spendSentence(groupSpend(data, 'adult-social-care', 815_000), 'Adult social care')).toBe(
      'Spends £310m a year on adult social care (2024-25, net), 38% of its service spending, up 6% on 2022-23; £380 per resident.',
    );
  });

  test('a group without a line of its own says which line holds it', () => {
    expect(spendSentence(groupSpend(data, 'digital-ict', null), 'Digital, ICT and data')).toBe(
      'No spend line of its own: digital, ICT and data is counted in central services, £22.5m a year (2024-25, net) across all of them.',
    );
  });

  test('a council missing from the file says why; a year not submitted is named, never zero', () => {
    expect(spendSentence(groupSpend(councilSpendData(file, 'GON', 'England'), 'adult-social-care', null), 'Adult social care')).toBe(
      'No spending figures for adult social care: GSS E0 is in none of the RSX years.',
    );
    const spend = groupSpend(data, 'adult-social-care', null);
    expect(spend.kind === 'figure' && spend.notSubmitted).toEqual(['2021-22']);
  });

  test.each([
    // Real councils of public/data/spend.json: Scottish and Welsh social work is summed under adults'.
    ['GLG', 'Scotland'],
    ['CRF', 'Wales'],
  ])('%s (%s) children’s social care is “summed with”, not £0', (code, nation) => {
    const real = councilSpendData(spendFile, code, nation);
    const sentence = spendSentence(groupSpend(real, 'childrens-social-care', null), "Children's social care and early help");
    expect(sentence).toMatch(/^No separate figure for children's social care and early help: .*adult social care.* That line is £\d/);
    expect(sentence).not.toContain('£0');
  });

  test.each([
    // Real councils: a district does not pay for adult social care; Northern Ireland's councils do not run education.
    ['ADU', 'England', 'adult-social-care', 'Adult social care', 'No net spending on adult social care recorded for 2024-25.'],
    ['BFS', 'Northern Ireland', 'education', 'Education and skills', 'No net spending on education and skills recorded for 2023-24.'],
  ])('%s (%s) %s: no £0 figure', (code, nation, group, label, sentence) => {
    const real = councilSpendData(spendFile, code, nation);
    expect(spendSentence(groupSpend(real, group, 1000), label)).toBe(sentence);
  });

  test('the table: lines with spending, biggest first, total last', () => {
    expect(spendTable(data, null).map((r) => r.line)).toEqual(['asc', 'cen', 'total']);
  });

  test('the table keeps a line summed into another (Glasgow’s children’s social care), leaves out £0 lines', () => {
    const rows = spendTable(councilSpendData(spendFile, 'GLG', 'Scotland'), null).map((r) => r.line);
    expect(rows).toContain('csc');
    expect(rows).not.toContain('pol');
    expect(rows).not.toContain('phs');
    expect(rows.at(-1)).toBe('total');
  });

  test.each([
    [310_000, '£310m'],
    [1_234_567, '£1.2bn'],
    [4_500, '£4.5m'],
    [850, '£850k'],
    [-2_100, '−£2.1m'],
  ])('formatThousands(%d) is %s', (k, text) => expect(formatThousands(k)).toBe(text));

  test.each([
    [0.061, 'up 6% on 2022-23'],
    [-0.03, 'down 3% on 2022-23'],
    [0.001, 'level with 2022-23'],
  ])('formatChange(%d) is %s', (ratio, text) => expect(formatChange({ from: '2022-23', ratio })).toBe(text));
});

test('every current council has a spend line for adult social care or says why not', () => {
  for (const council of register.filter((c) => c.current && c.kind === 'council')) {
    const spend = groupSpend(councilSpendData(spendFile, council.code, council.nation), 'adult-social-care', council.population);
    expect(['figure', 'combined', 'not-submitted', 'no-data']).toContain(spend.kind);
    expect(spendSentence(spend, 'Adult social care')).not.toMatch(/NaN|undefined/);
  }
});
