import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSpendFile, readRsxYear, spendGroups, spendToJson, type SpendInputs } from '@/lib/dataset/build-spend';
import { readOdsSheet } from '@/lib/dataset/ods';
import { readSpendInputs, REPO_ROOT, sharedDir } from '@/lib/dataset/read-inputs';
import { CouncilsFileSchema, type Council } from '@/lib/councils/schema';
import { SpendFileSchema, SPEND_LINE_IDS } from '@/lib/spend/schema';
import { readShared } from './shared-files';

const committed = readFileSync(path.join(REPO_ROOT, 'public', 'data', 'spend.json'), 'utf8');
const councils = CouncilsFileSchema.parse(JSON.parse(readFileSync(path.join(REPO_ROOT, 'public', 'data', 'councils.json'), 'utf8'))).councils;
const inputs = readSpendInputs(sharedDir());
const file = SpendFileSchema.parse(JSON.parse(committed));

describe('public/data/spend.json', () => {
  test('is exactly what `npm run data` builds from ../shared', () => {
    const rebuilt = spendToJson(buildSpendFile(inputs, councils));
    expect(committed === rebuilt, 'spend.json differs from a fresh build; run npm run data').toBe(true);
    expect(committed).not.toContain(REPO_ROOT);
    expect(committed).not.toContain(sharedDir());
  });

  test('every current council is matched by GSS code, or listed as missing with a reason', () => {
    const current = councils.filter((c) => c.current && c.kind === 'council');
    const listed = new Set([...file.councils.map((c) => c.code), ...file.missing.map((m) => m.code)]);
    expect(current.filter((c) => !listed.has(c.code))).toEqual([]);
    for (const entry of file.councils) expect(entry.gss).toBe(current.find((c) => c.code === entry.code)?.gss);
    for (const m of file.missing) expect(m.reason).not.toBe('');
  });

  test.each([
    // Real figures of the source sheets, £ thousand, rounded (RSX 2024-25 ODS, 2021-22 CSV).
    ['LDS', '2024-25', 'asc'],
    ['KEN', '2021-22', 'csc'],
  ])('%s %s %s matches the source sheet', (code, year, line) => {
    const entry = file.councils.find((c) => c.code === code)!;
    const gss = councils.find((c) => c.code === code)!.gss!;
    const sheet = readRsxYear(inputs.england.find((e) => e.year === year)!).get(gss)!;
    const published = entry.years.find((y) => y.year === year);
    expect(published?.status).toBe('published');
    const k = SPEND_LINE_IDS.indexOf(line as (typeof SPEND_LINE_IDS)[number]);
    if (published?.status === 'published') expect(published.net[k]).toBe(Math.round(sheet.net[k]!));
  });

  test('a year a council did not submit is marked, never zero, and both agree with the Revenue Outturn time series', () => {
    // ../shared/data/spend/england/JuanBlanco9__German-Budget-Galaxy: a second derivation from MHCLG's
    // time series (in pounds), with its own submitted / not submitted status per council.
    const lines: Record<string, (typeof SPEND_LINE_IDS)[number]> = {
      Education: 'edu',
      'Highways & Transport': 'trans',
      "Children's Social Care": 'csc',
      'Adult Social Care': 'asc',
      'Public Health': 'phs',
      'Housing Services': 'hous',
      'Cultural & Related': 'cul',
      'Environmental & Regulatory': 'env',
      'Planning & Development': 'plan',
      'Central Services': 'cen',
      'Other Services': 'oth',
    };
    for (const [year, name] of [['2023-24', 'uk_council_finance_2023_24.json'], ['2024-25', 'uk_council_finance_2024_25.json']] as const) {
      const other = JSON.parse(readShared(`data/spend/england/JuanBlanco9__German-Budget-Galaxy/${name}`)) as {
        councils: { ons_code: string; status: string; services_net_gbp: Record<string, number> }[];
      };
      let compared = 0;
      for (const entry of file.councils.filter((c) => c.gss.startsWith('E'))) {
        const theirs = other.councils.find((c) => c.ons_code === entry.gss);
        const ours = entry.years.find((y) => y.year === year);
        if (!theirs || !ours) continue;
        expect(`${entry.code} ${ours.status}`).toBe(`${entry.code} ${theirs.status === 'not submitted' ? 'not-submitted' : 'published'}`);
        if (ours.status !== 'published') continue;
        for (const [label, line] of Object.entries(lines)) {
          const pounds = theirs.services_net_gbp[label];
          if (pounds === undefined) continue;
          compared++;
          expect(Math.abs(ours.net[SPEND_LINE_IDS.indexOf(line)]! * 1000 - pounds), `${entry.code} ${year} ${label}`).toBeLessThanOrEqual(1000);
        }
      }
      expect(compared).toBeGreaterThan(2500);
    }
  });

  test('Scotland and Wales say children’s social care is summed with adults’, and Northern Ireland’s prices are named', () => {
    const scotland = file.nations.find((n) => n.nation === 'Scotland')!;
    expect(scotland.combined).toEqual([expect.objectContaining({ line: 'csc', into: 'asc' })]);
    expect(file.nations.find((n) => n.nation === 'Wales')!.combined[0]?.into).toBe('asc');
    expect(file.nations.find((n) => n.nation === 'Northern Ireland')!.caveats.join(' ')).toContain('2023-24 prices');
  });
});

describe('the checks on the input', () => {
  const keys = ['', 'E-code', ...SPEND_LINE_IDS.flatMap((id) => ['tot-exp', 'tot-inc', 'net-cur-exp'].map((m) => `RSX-${id === 'total' ? 'totsx' : id}-${m}`))];
  const header = ['', 'ONS Code', ...keys.slice(2).map(() => 'x')];
  header[2] = 'Local authority';
  /** A council row: 13 lines of (exp, inc, net) then the total. */
  const row = (gss: string, lines: (number | string)[][]) => ['E1', gss, ...lines.flat().map(String)];
  const even = Array.from({ length: 13 }, () => [10, 4, 6]);
  const yearOf = (rows: string[][]) => ({ year: '2024-25', file: 'test.csv', rows: [keys, header, ...rows] });
  const council = (code: string, gss: string): Council =>
    ({ ...councils.find((c) => c.code === 'LDS')!, code, gss, nation: 'England', startDate: null }) as Council;
  const nations = JSON.stringify({ series: { authorities: { data: [] } } });
  const groups = readShared('spec/service-groups.csv');
  const build = (rows: string[][], list: Council[]) =>
    buildSpendFile({ england: [yearOf(rows)], nations, serviceGroups: groups } satisfies SpendInputs, list);

  test('services that add up are kept; a row of [x] is a return not submitted', () => {
    const built = build([row('E00000001', [...even, [130, 52, 78]]), row('E00000002', Array.from({ length: 14 }, () => ['[x]', '[x]', '[x]']))], [
      council('AAA', 'E00000001'),
      council('BBB', 'E00000002'),
    ]);
    expect(built.councils[0]!.years[0]).toMatchObject({ status: 'published', net: [...Array(13).fill(6), 78] });
    expect(built.councils[1]!.years[0]).toEqual({ year: '2024-25', status: 'not-submitted', source: 0 });
  });

  test('services that do not add up to the published total are refused', () => {
    expect(() => build([row('E00000001', [...even, [130, 52, 90]])], [council('AAA', 'E00000001')])).toThrow(/add up to 78\.0, the published total is 90/);
  });

  test('a cell that is neither a number nor a missing mark is refused', () => {
    const lines: (number | string)[][] = [...even, [130, 52, 78]];
    lines[3] = [10, 4, 'n/a'];
    expect(() => build([row('E00000001', lines)], [council('AAA', 'E00000001')])).toThrow(/"n\/a" is not a number/);
  });

  test('a council with no row is listed as missing with its reason; one absent from a year it existed in is refused', () => {
    const built = build([row('E00000001', [...even, [130, 52, 78]])], [council('AAA', 'E00000001'), { ...council('CCC', 'E09999999'), startDate: '2030-04-01' }]);
    expect(built.missing).toEqual([{ code: 'CCC', name: expect.any(String), reason: expect.stringContaining('E09999999 is in none of the RSX years') }]);
    expect(() => buildSpendFile({ england: [yearOf([row('E00000001', [...even, [130, 52, 78]])]), { ...yearOf([]), year: '2023-24', rows: [keys, header, row('E00000002', [...even, [130, 52, 78]])] }], nations, serviceGroups: groups }, [council('AAA', 'E00000001')])).toThrow(/missing from an RSX year they existed in: AAA/);
  });

  test('project groups map onto RSX lines; shared lines are not a group’s own', () => {
    const mapped = spendGroups(groups);
    expect(mapped.find((g) => g.id === 'adult-social-care')).toEqual({ id: 'adult-social-care', line: 'asc', own: true });
    expect(mapped.find((g) => g.id === 'waste')).toEqual({ id: 'waste', line: 'env', own: false });
    expect(mapped.filter((g) => g.line === 'cen').every((g) => !g.own)).toBe(true);
  });
});

describe('the ODS reader', () => {
  test('reads the 2024-25 RSX workbook: header, values at full precision, [x] for a missing return', () => {
    const rows = readOdsSheet(
      readFileSync(path.join(sharedDir(), 'data/spend/england/dfe-analytical-services__CSC_outcomes_and_enablers/RSX_LA_Data_2024-25_data_by_LA.ods')),
      'RSX_LA_Data_202425',
    );
    expect(rows[6]!.slice(0, 3)).toEqual(['E-code', 'ONS Code', 'Local authority']);
    expect(rows.find((r) => r[1] === 'E07000032')!.slice(2, 8)).toEqual(['Amber Valley', 'M', 'SD', 'SD', '[x]', '[x]']);
    expect(rows.find((r) => r[1] === 'E07000223')![7]).toBe('0');
  });

  test('a missing sheet names the sheets there are', () => {
    const ods = readFileSync(path.join(sharedDir(), 'data/spend/england/dfe-analytical-services__CSC_outcomes_and_enablers/RSX_2023-24_data_by_LA.ods'));
    expect(() => readOdsSheet(ods, 'Nope')).toThrow(/No sheet "Nope".*RSX_LA_Data_2023-24/);
  });
});
