import { SpendFileSchema, SPEND_LINE_IDS, type CouncilSpend, type SpendFile, type SpendLineId, type SpendYear } from '@/lib/spend/schema';
import type { Council } from '@/lib/councils/schema';
import { parseCsvRecords } from './csv';
import type { Source } from './sources';

/** One year of MHCLG's RSX data sheet, read into rows of cells (CSV or ODS). */
export interface RsxYearInput {
  year: string;
  /** The ../shared path, named in the file's sources. */
  file: string;
  rows: string[][];
}

/** Every input of spend.json. */
export interface SpendInputs {
  england: RsxYearInput[];
  /** spend/uk/stateofbritain__stateofbritain.github.io/local-gov-spending.json */
  nations: string;
  /** spec/service-groups.csv */
  serviceGroups: string;
}

/** The financial years the card and the workbook show: England has RSX for exactly these. */
export const SPEND_YEARS = ['2021-22', '2022-23', '2023-24', '2024-25'] as const;

/** Where each England year is read from, relative to ../shared (see SOURCES.md section 8). */
export const RSX_INPUTS: readonly { year: string; file: string; sheet?: string }[] = [
  // The only copy of 2021-22.
  { year: '2021-22', file: 'data/spend/england/BenGoodair__childrens_social_care_qualitative/RSX_2021-22_data_by_LA_Live.csv' },
  // The CSV copies of 2022-23 and 2023-24 are later revisions than the ODS: they mark 4 and 14
  // councils as not submitted where the ODS marks 23 and 43.
  { year: '2022-23', file: 'data/spend/england/BenGoodair__childrens_social_care_qualitative/RSX_2022-23_data_by_LA.csv' },
  { year: '2023-24', file: 'data/spend/england/BenGoodair__childrens_social_care_qualitative/RSX_2023-24_data_by_LA.csv' },
  {
    year: '2024-25',
    file: 'data/spend/england/dfe-analytical-services__CSC_outcomes_and_enablers/RSX_LA_Data_2024-25_data_by_LA.ods',
    sheet: 'RSX_LA_Data_202425',
  },
];

export const NATIONS_INPUT = 'data/spend/uk/stateofbritain__stateofbritain.github.io/local-gov-spending.json';

const LINE_LABELS: Record<SpendLineId, string> = {
  edu: 'Education services',
  trans: 'Highways and transport services',
  csc: "Children's social care",
  asc: 'Adult social care',
  phs: 'Public health',
  hous: 'Housing services (general fund)',
  cul: 'Cultural and related services',
  env: 'Environmental and regulatory services',
  plan: 'Planning and development services',
  pol: 'Police services',
  frs: 'Fire and rescue services',
  cen: 'Central services',
  oth: 'Other services',
  total: 'Total service expenditure',
};

/** The RSX group names of spec/service-groups.csv's revenue_outturn_group column. */
const RSX_GROUP_NAMES: Record<string, SpendLineId> = {
  'Education services': 'edu',
  'Highways and transport services': 'trans',
  'Children Social Care': 'csc',
  'Adult Social Care': 'asc',
  'Public Health': 'phs',
  'Housing services (GFRA only)': 'hous',
  'Cultural and related services': 'cul',
  'Environmental and regulatory services': 'env',
  'Planning and development services': 'plan',
  'Central services': 'cen',
};

/** The column keys of the RSX sheets' reference row ("RSX-asc-net-cur-exp"); the total is "totsx". */
const RSX_KEY: Record<SpendLineId, string> = { ...Object.fromEntries(SPEND_LINE_IDS.map((id) => [id, id])), total: 'totsx' } as Record<SpendLineId, string>;

/** Published totals are rounded: the services may differ from the total by this much (£ thousand). */
export const SUM_TOLERANCE = 2;

/** RSX marks a missing return with "[x]" (2022-23 on) or "..." (2021-22). */
const MISSING_MARKS = new Set(['[x]', '...']);

const MHCLG: Omit<Source, 'file'> = {
  licence: 'OGL v3',
  attribution: 'Crown copyright, Ministry of Housing, Communities and Local Government: Revenue Outturn Service Expenditure Summary (RSX)',
};
const NATIONS_SOURCE: Source = {
  file: `../shared/${NATIONS_INPUT}`,
  licence: 'OGL v3 (the statistics); the compilation has no licence file',
  attribution:
    'Scottish Government (Scottish Local Government Finance Statistics), Welsh Government (StatsWales revenue outturn), NI Audit Office (Local Government Auditor’s report), compiled by stateofbritain.github.io',
};

interface RsxRow {
  gss: string;
  name: string;
  status: 'published' | 'not-submitted';
  net: (number | null)[];
  expenditure: (number | null)[];
  income: (number | null)[];
}

function readNumber(cell: string | undefined, where: string): number | null {
  const text = (cell ?? '').trim();
  if (MISSING_MARKS.has(text)) return null;
  const plain = text.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?(E-?\d+)?$/i.test(plain)) throw new Error(`${where}: "${text}" is not a number or a missing mark`);
  return Number(plain);
}

/**
 * Reads one RSX data sheet: columns are found by the sheet's own reference row
 * ("RSX-edu-net-cur-exp"...), rows by their ONS code. A row whose total is missing is a
 * return not submitted; every published row must add up to its total within SUM_TOLERANCE.
 * @throws Error on an unknown cell, a duplicate code or services that do not add up.
 */
export function readRsxYear(input: RsxYearInput): Map<string, RsxRow> {
  const keyRow = input.rows.find((row) => row.includes('RSX-edu-net-cur-exp'));
  if (!keyRow) throw new Error(`${input.file}: no RSX reference row (RSX-edu-net-cur-exp)`);
  // The sheet's first table is the councils; a second table (regions and classes, "E12…")
  // follows under its own header row and is not read.
  const headerAt = input.rows.findIndex((row) => row.includes('ONS Code'));
  const header = input.rows[headerAt];
  if (!header) throw new Error(`${input.file}: no header row with "ONS Code"`);
  const nextHeader = input.rows.findIndex((row, n) => n > headerAt && row.includes('ONS Code'));
  const table = input.rows.slice(headerAt + 1, nextHeader < 0 ? undefined : nextHeader);
  const gssAt = header.indexOf('ONS Code');
  const nameAt = header.indexOf('Local authority');
  const column = (line: SpendLineId, measure: string): number => {
    const at = keyRow.indexOf(`RSX-${RSX_KEY[line]}-${measure}`);
    if (at < 0) throw new Error(`${input.file}: no column RSX-${RSX_KEY[line]}-${measure}`);
    return at;
  };
  const columns = {
    net: SPEND_LINE_IDS.map((line) => column(line, 'net-cur-exp')),
    expenditure: SPEND_LINE_IDS.map((line) => column(line, 'tot-exp')),
    income: SPEND_LINE_IDS.map((line) => column(line, 'tot-inc')),
  };
  const out = new Map<string, RsxRow>();
  table.forEach((row, n) => {
    const gss = (row[gssAt] ?? '').trim();
    if (!/^E\d{8}$/.test(gss)) return;
    const where = `${input.file} row ${headerAt + n + 2} (${gss})`;
    if (out.has(gss)) throw new Error(`${where}: ${gss} appears twice`);
    const read = (cols: number[]) => cols.map((at, k) => readNumber(row[at], `${where} ${SPEND_LINE_IDS[k]}`));
    const net = read(columns.net);
    const expenditure = read(columns.expenditure);
    const income = read(columns.income);
    const status = net[net.length - 1] === null ? 'not-submitted' : 'published';
    if (status === 'published') {
      for (const [measure, values] of Object.entries({ net, expenditure, income })) {
        const total = values[values.length - 1];
        const lines = values.slice(0, -1);
        if (total === null || total === undefined || lines.some((v) => v === null)) throw new Error(`${where}: ${measure} is published for some services and missing for others`);
        const sum = (lines as number[]).reduce((a, b) => a + b, 0);
        if (Math.abs(sum - total) > SUM_TOLERANCE) {
          throw new Error(`${where}: the services' ${measure} add up to ${sum.toFixed(1)}, the published total is ${total}`);
        }
      }
    }
    out.set(gss, { gss, name: (row[nameAt] ?? '').trim(), status, net, expenditure, income });
  });
  if (out.size === 0) throw new Error(`${input.file}: no council rows`);
  return out;
}

const NationsFileShape = {
  keys: ['education', 'transport', 'childrenSocialCare', 'adultSocialCare', 'publicHealth', 'housing', 'cultural', 'environment', 'planning', 'police', 'fire', 'central'] as const,
  lines: ['edu', 'trans', 'csc', 'asc', 'phs', 'hous', 'cul', 'env', 'plan', 'pol', 'frs', 'cen'] as const,
};

interface NationsAuthority {
  code: string;
  name: string;
  years: Record<string, Record<string, number>>;
}

function readNations(text: string): Map<string, NationsAuthority> {
  const file = JSON.parse(text) as { series?: { authorities?: { data?: NationsAuthority[] } } };
  const data = file.series?.authorities?.data;
  if (!Array.isArray(data)) throw new Error(`${NATIONS_INPUT}: no series.authorities.data list`);
  const out = new Map<string, NationsAuthority>();
  for (const authority of data) {
    if (!/^[SWN]\d{8}$/.test(authority.code)) continue; // England comes from RSX, which has every council
    for (const [year, values] of Object.entries(authority.years)) {
      const missing = [...NationsFileShape.keys, 'totalService'].filter((k) => typeof values[k] !== 'number');
      if (missing.length) throw new Error(`${NATIONS_INPUT} ${authority.code} ${year}: no ${missing.join(', ')}`);
      const sum = NationsFileShape.keys.reduce((a, k) => a + values[k]!, 0);
      if (Math.abs(sum - values['totalService']!) > SUM_TOLERANCE) {
        throw new Error(`${NATIONS_INPUT} ${authority.code} ${year}: the services add up to ${sum}, the total is ${values['totalService']}`);
      }
    }
    out.set(authority.code, authority);
  }
  return out;
}

const round = (values: (number | null)[]) => values.map((v) => (v === null ? null : Math.round(v)));

function nationsYears(authority: NationsAuthority, source: number): SpendYear[] {
  return SPEND_YEARS.filter((year) => authority.years[year]).map((year) => {
    const values = authority.years[year]!;
    const net: (number | null)[] = SPEND_LINE_IDS.map((line) => {
      if (line === 'total') return values['totalService']!;
      const k = NationsFileShape.lines.indexOf(line as (typeof NationsFileShape.lines)[number]);
      return k < 0 ? null : values[NationsFileShape.keys[k]!]!;
    });
    return { year, status: 'published', source, net: round(net), expenditure: null, income: null };
  });
}

/** Per nation, what the figures mean; Scotland and Wales file children's social care under adults'. */
const NATIONS: SpendFile['nations'] = [
  {
    nation: 'England',
    source: 'MHCLG Revenue Outturn, Service Expenditure Summary (RSX)',
    combined: [],
    caveats: ['Net current expenditure: spending less fees, charges and specific grants (RSX C7).'],
  },
  {
    nation: 'Scotland',
    source: 'Scottish Local Government Finance Statistics (net revenue expenditure), via stateofbritain.github.io',
    combined: [{ line: 'csc', into: 'asc', note: 'Social work for children and adults is one line in Scotland’s figures, counted under adult social care.' }],
    caveats: ['Public health is run by NHS boards in Scotland, not councils.'],
  },
  {
    nation: 'Wales',
    source: 'StatsWales revenue outturn (net expenditure), via stateofbritain.github.io',
    combined: [{ line: 'csc', into: 'asc', note: 'All personal social services, children’s included, are counted under adult social care in Wales’s figures.' }],
    caveats: ['Public health is run by the NHS in Wales, not councils.'],
  },
  {
    nation: 'Northern Ireland',
    source: 'NI Audit Office, Local Government Auditor’s report, via stateofbritain.github.io',
    combined: [],
    caveats: [
      'Typed from the NI Audit Office’s report; 2021-22 to 2023-24 are at 2023-24 prices, not cash.',
      'Northern Ireland’s councils do not run education, social care, housing, public health or roads.',
    ],
  },
];

/** Project groups and their RSX line, from spec/service-groups.csv ("… (part)": shared with other groups). */
export function spendGroups(serviceGroupsCsv: string): SpendFile['groups'] {
  return parseCsvRecords(serviceGroupsCsv).map((row) => {
    const name = (row['revenue_outturn_group'] ?? '').trim();
    const part = /\s*\(part\)$/.test(name);
    const line = RSX_GROUP_NAMES[name.replace(/\s*\(part\)$/, '')];
    if (!line) throw new Error(`spec/service-groups.csv ${row['id']}: unknown revenue outturn group "${name}"`);
    return { id: row['id']!, line, own: !part };
  });
}

/**
 * Builds spend.json: every current council of the register (councils.json) with its net
 * current expenditure by RSX line for SPEND_YEARS, England's from RSX (with total expenditure
 * and income), Scotland's, Wales's and Northern Ireland's from the all-nations compilation.
 * A council is matched by GSS code; one with no data is listed in `missing` with the reason.
 * @throws Error when an input does not add up or cannot be read.
 */
export function buildSpendFile(inputs: SpendInputs, councils: readonly Council[]): SpendFile {
  const england = inputs.england.map((input) => ({ year: input.year, rows: readRsxYear(input) }));
  const nations = readNations(inputs.nations);
  const sources: Source[] = [
    ...inputs.england.map((input) => ({ file: `../shared/${input.file}`, ...MHCLG })),
    NATIONS_SOURCE,
  ];
  const out: CouncilSpend[] = [];
  const missing: SpendFile['missing'] = [];
  const absent: string[] = [];
  const current = councils.filter((c) => c.current && c.kind === 'council').sort((a, b) => a.code.localeCompare(b.code));
  for (const council of current) {
    if (!council.gss) {
      missing.push({ code: council.code, name: council.officialName, reason: 'no GSS code in the register' });
      continue;
    }
    if (council.nation === 'England') {
      const years: SpendYear[] = [];
      england.forEach(({ year, rows }, k) => {
        const row = rows.get(council.gss!);
        if (!row) {
          // A year the council existed for must be in the return, submitted or not.
          if (!council.startDate || council.startDate <= `${year.slice(0, 4)}-04-01`) absent.push(`${council.code} (${council.gss}) ${year}`);
          return;
        }
        years.push(
          row.status === 'published'
            ? { year, status: 'published', source: k, net: round(row.net), expenditure: round(row.expenditure), income: round(row.income) }
            : { year, status: 'not-submitted', source: k },
        );
      });
      if (years.length === 0) {
        missing.push({ code: council.code, name: council.officialName, reason: `GSS ${council.gss} is in none of the RSX years ${SPEND_YEARS.join(', ')}` });
        continue;
      }
      out.push({ code: council.code, gss: council.gss, years });
      continue;
    }
    const authority = nations.get(council.gss);
    const years = authority ? nationsYears(authority, sources.length - 1) : [];
    if (years.length === 0) {
      missing.push({ code: council.code, name: council.officialName, reason: `GSS ${council.gss} is not in the ${council.nation} figures for ${SPEND_YEARS.join(', ')}` });
      continue;
    }
    out.push({ code: council.code, gss: council.gss, years });
  }
  if (absent.length) throw new Error(`Councils missing from an RSX year they existed in: ${absent.join(', ')}`);
  return SpendFileSchema.parse({
    sources,
    unit: 'GBP thousand',
    lines: SPEND_LINE_IDS.map((id) => ({ id, label: LINE_LABELS[id] })),
    groups: spendGroups(inputs.serviceGroups),
    nations: NATIONS,
    councils: out,
    missing,
  });
}

/** 2-space JSON with one council per line (the file stays small and its diffs readable). */
export function spendToJson(file: SpendFile): string {
  const { councils, missing, ...rest } = file;
  const head = JSON.stringify(rest, null, 2).slice(0, -2);
  const body = councils.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  return `${head},\n  "councils": [\n${body}\n  ],\n  "missing": ${JSON.stringify(missing, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}
