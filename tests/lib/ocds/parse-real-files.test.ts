import { describe, expect, test } from 'vitest';
import { parseReleases, type ParseResult } from '@/lib/ocds/parse-releases';
import { NoticeSchema, type Notice } from '@/lib/ocds/notice';
import { readShared } from '../dataset/shared-files';

/**
 * Every OCDS file of ../shared/data (described in ../shared/data/SOURCES.md), parsed whole.
 * Expected values below were read by hand from the raw files.
 */

const FILES = {
  cf2022: 'data/contracts_finder_ocds_search_2022-10-20.json',
  cf2025: 'data/contracts_finder_ocds_search_2025-01-23.json',
  cfExtra: 'data/contracts_finder_ocds_releases_2025-01_to_03_extra.json',
  pcs: 'data/pcs_scotland_ocds_releases_2019.json',
  s2w: 'data/sell2wales_ocds_releases_2025.json',
} as const;
type FileKey = keyof typeof FILES;

const raw = (key: FileKey): unknown => JSON.parse(readShared(FILES[key])) as unknown;
const parsed = new Map<FileKey, ParseResult>();
function parse(key: FileKey): ParseResult {
  let result = parsed.get(key);
  if (!result) {
    result = parseReleases(raw(key));
    parsed.set(key, result);
  }
  return result;
}
function notice(key: FileKey, ocid: string): Notice {
  const found = parse(key).notices.find((candidate) => candidate.ocid === ocid);
  if (!found) throw new Error(`${ocid} not in ${FILES[key]}`);
  return found;
}

describe('counts', () => {
  // Every release of the five files has an ocid, a title, a buyer and a date, so none is rejected;
  // notices are fewer than releases where one ocid has several releases (SOURCES.md tag counts).
  test.each<[FileKey, number, number]>([
    ['cf2022', 100, 86], // 12 ocids with 2-3 releases (tenderAmendment, awardUpdate sequences)
    ['cf2025', 100, 94], // 6 ocids with 2 releases
    ['cfExtra', 100, 96], // 4 ocids with 2 releases
    ['pcs', 90, 90],
    ['s2w', 90, 90],
  ])('%s: %i releases -> %i notices, no rejection', (key, releases, notices) => {
    const data = raw(key);
    expect(Array.isArray(data) ? data.length : (data as { releases: unknown[] }).releases.length).toBe(releases);
    expect(parse(key).notices).toHaveLength(notices);
    expect(parse(key).rejected).toEqual([]);
  });

  test.each(Object.keys(FILES) as FileKey[])('%s: every notice validates, one per ocid', (key) => {
    const { notices } = parse(key);
    for (const item of notices) NoticeSchema.parse(item);
    expect(new Set(notices.map((item) => item.ocid)).size).toBe(notices.length);
  });

  test.each<[FileKey, string]>([
    ['cf2022', 'contracts-finder'],
    ['cf2025', 'contracts-finder'],
    ['cfExtra', 'contracts-finder'],
    ['pcs', 'public-contracts-scotland'],
    ['s2w', 'sell2wales'],
  ])('%s: source %s, notice pages on its portal', (key, source) => {
    for (const item of parse(key).notices) {
      expect(item.source).toBe(source);
      expect(item.noticeUrl).toMatch(
        /^https:\/\/www\.(?:contractsfinder\.service\.gov\.uk\/Notice\/[0-9a-f-]{36}|publiccontractsscotland\.gov\.uk\/search\/|sell2wales\.gov\.wales\/search\/)/,
      );
    }
  });

  test('stages across the Contracts Finder files', () => {
    const stages = (key: FileKey): Record<string, number> => {
      const counts: Record<string, number> = {};
      for (const item of parse(key).notices) counts[item.stage] = (counts[item.stage] ?? 0) + 1;
      return counts;
    };
    expect(stages('cf2022')).toEqual({ award: 48, tender: 36, planning: 2 });
    expect(stages('cf2025')).toEqual({ award: 57, tender: 34, planning: 3 });
    expect(stages('cfExtra')).toEqual({ award: 84, tender: 8, planning: 4 });
    expect(stages('pcs')).toEqual({ tender: 90 });
    expect(stages('s2w')).toEqual({ tender: 90 });
  });
});

describe('text repair on real data', () => {
  // Sure leftovers of "\r\n" stripped to "rn", and UTF-8 read as Windows-1252.
  const STRIPPED_BREAK = /rnrn|[.,;:!?)\]’”]rn(?![a-z])|\drn(?![a-z])/;
  const MOJIBAKE = /â€|Â[£ \u00a0µ]|Ã[\u0080-\u00bf]/;

  test.each(Object.keys(FILES) as FileKey[])('%s: no stripped line breaks, mojibake or entities left', (key) => {
    for (const item of parse(key).notices) {
      for (const text of [item.title, item.description, item.contractPeriod?.extensionNote ?? '']) {
        expect(text).not.toMatch(STRIPPED_BREAK);
        expect(text).not.toMatch(MOJIBAKE);
        expect(text).not.toMatch(/&(?:amp|apos|quot|lt|gt|nbsp|#\d+);/);
      }
    }
  });

  test('"rn" left between letters in descriptions: real words and three unrepairable joins', () => {
    const leftovers = new Set<string>();
    for (const key of Object.keys(FILES) as FileKey[]) {
      for (const item of parse(key).notices) {
        for (const match of item.description.matchAll(/[a-z]+rn[a-z]+/gi)) leftovers.add(match[0].toLowerCase());
      }
    }
    // Lower case on both sides cannot be told from a word without a dictionary:
    // "inrnprocessing", "licensingrnavailable", "majorrnmachine" (extra file) stay.
    expect([...leftovers].sort()).toEqual([
      'alternative', 'alternatives', 'barnsley', 'bournemouth', 'burning', 'concerning', 'cornwall', 'ethernet', 'external',
      'externally', 'farnborough', 'furniture', 'governed', 'government', 'harness', 'inrnprocessing', 'internal', 'international',
      'internationally', 'internet', 'internship', 'internships', 'inverness', 'journey', 'learning', 'licensingrnavailable',
      'majorrnmachine', 'maternity', 'modernise', 'morning', 'patterns', 'returned', 'returns', 'turnaround', 'turnkey', 'username',
    ]);
  });

  test('a stripped description keeps its list lines (ESPO specialist vehicles, extra file)', () => {
    const espo = notice('cfExtra', 'ocds-b5fd17-8d84c691-fc64-4f64-b240-443a0af1ba82');
    expect(espo.description).toContain(
      'other eligible public sector organisations.\n\nLot 1 - Refuse collection vehicles (RCV\'s)\nLot 2 - Compact sweepers\nLot 3 - Chassis mounted sweepers\n',
    );
  });

  test('mojibake fixed (Merton, 2025-01-23 file: "framework.â€¯ The")', () => {
    expect(notice('cf2025', 'ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30').description).toContain('ESPO 509_23 framework. The initial intention');
  });

  test('entities decoded (2022 file: "HMPPS Norwich-A&apos;Wing")', () => {
    expect(notice('cf2022', 'ocds-b5fd17-b9541ef8-1235-4765-b44f-d21ae154d761').title).toBe("HMPPS Norwich-A'Wing Refurbishment-BPRN No.580/20/6189");
  });

  test('PCS: a release whose other texts are stripped repairs a text without a sure case', () => {
    expect(notice('pcs', 'ocds-r6ebe6-0000577987').description).toContain('rhododendron ponticum from\nEilean na Muice Duibhe');
  });
});

describe('notices checked field by field', () => {
  test('London Borough of Merton, "Parking Pilot - CEO" (2025-01-23 file, one award release)', () => {
    expect(notice('cf2025', 'ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30')).toEqual({
      ocid: 'ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30',
      source: 'contracts-finder',
      stage: 'award',
      status: 'complete',
      title: 'Parking Pilot - CEO',
      description:
        'This contract to Marston Holdings Limited is to provide civil parking enforcement services, and a data analyst, as permitted under the ESPO 509_23 framework. The initial intention is for a 3-month pilot scheme. The recommendation to approve a 12-month contract while initially proceeding with a 3-month pilot is driven by the need for flexibility and effective risk management.',
      buyer: {
        name: 'London Borough of Merton',
        id: 'GB-CFS-18525',
        contact: { email: 'Commercial.services@merton.gov.uk', telephone: '+44 2085454626' },
        locality: 'Morden',
        postcode: 'SM4 5DX',
      },
      cpv: ['63712400'],
      serviceGroups: ['highways-transport'],
      // tender.value is Contracts Finder's "Value of contract"; the award holds the pilot's value.
      value: { amount: 372032, currency: 'GBP' },
      minValue: { amount: 93007, currency: 'GBP' },
      publishedAt: '2025-01-23T22:10:19Z',
      updatedAt: '2025-01-23T22:10:19Z',
      tenderDeadline: '2024-12-21T12:00:00Z',
      // The award's contract (the 3-month pilot), not the tender's planned 12 months; +01:00 made UTC.
      contractPeriod: { start: '2025-01-23T00:00:00Z', end: '2025-04-23T22:59:59Z' },
      suppliers: [{ name: 'Marstons holdings plc' }],
      awards: [
        {
          id: 'ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30-1',
          status: 'active',
          date: '2024-12-22T00:00:00Z',
          value: { amount: 93007, currency: 'GBP' },
          suppliers: [{ name: 'Marstons holdings plc' }],
          contractPeriod: { start: '2025-01-23T00:00:00Z', end: '2025-04-23T22:59:59Z' },
        },
      ],
      procurementMethod: 'direct',
      procurementMethodDetails: 'Direct award',
      suitability: { sme: true, vcse: false },
      regions: ['England'],
      noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/2a1e3359-87a0-4fdd-ac61-20d5e6520a13',
      releaseIds: ['2a1e3359-87a0-4fdd-ac61-20d5e6520a13-819950'],
    });
  });

  test('Public Contracts Scotland, ng homes electrical inspections (first release of the file)', () => {
    expect(notice('pcs', 'ocds-r6ebe6-0000581860')).toEqual({
      ocid: 'ocds-r6ebe6-0000581860',
      source: 'public-contracts-scotland',
      stage: 'tender',
      status: 'active',
      title: 'Five Year Electrical Inspection Contract, Various Addresses, North Glasgow',
      description:
        'It is ng homes intention to enter into a contract with one contractor to carry out electrical installation condition reports including sundry make safe works.',
      buyer: {
        name: 'ng homes',
        id: 'org-1',
        contact: { email: 'info@ewing-somerville.com', telephone: '+44 1415606000' },
        locality: 'Glasgow',
        postcode: 'G21 4LS',
      },
      cpv: ['50711000'],
      serviceGroups: ['property-assets'],
      publishedAt: '2019-04-29T00:00:00Z',
      updatedAt: '2019-04-29T00:00:00Z',
      tenderDeadline: '2019-05-29T12:00:00Z',
      // The lot gives a duration only (1800 days), no dates.
      contractPeriod: { durationDays: 1800 },
      suppliers: [],
      awards: [],
      procurementMethod: 'selective',
      procurementMethodDetails: 'Restricted procedure',
      regions: ['UKM82'],
      noticeUrl: 'https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=APR352786',
      releaseIds: [],
    });
  });

  test('Sell2Wales: maximum end from the renewal text (Rhondda Cynon Taf cleaning framework)', () => {
    const cleaning = notice('s2w', 'ocds-kuma6s-147810');
    expect(cleaning.buyer).toEqual({
      name: 'Rhondda Cynon Taf CBC',
      id: 'org-41',
      contact: { email: 'purchasing@rctcbc.gov.uk' },
      locality: 'Pontypridd',
      postcode: 'CF37 4TH',
    });
    expect(cleaning.value).toEqual({ amount: 16800000, currency: 'GBP' });
    expect(cleaning.serviceGroups).toEqual(['property-assets', 'education']);
    // "3 YEARS FROM 7th OCTOBER 2025 … OPTION TO EXTEND FOR 2 + 1 YEARS … POTENTIAL END DATE: 6th OCTOBER 2031"
    expect(cleaning.contractPeriod).toEqual({
      start: '2025-10-07T00:00:00Z',
      end: '2028-10-06T00:00:00Z',
      maxEnd: '2031-10-06T00:00:00Z',
      extensionNote:
        'PERIOD OF 3 YEARS FROM 7th OCTOBER 2025 (COMMENCEMENT DATE) WITH A FURTHER OPTION TO EXTEND FOR 2 + 1 YEARS\nPOTENTIAL END DATE: 6th OCTOBER 2031',
    });
    expect(cleaning.noticeUrl).toBe('https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=FEB497749');
  });

  test('PCS: maximum end "until 30 June 2023" agrees with the parsed extension (Renfrewshire)', () => {
    expect(notice('pcs', 'ocds-r6ebe6-0000581089').contractPeriod).toMatchObject({ end: '2022-06-30T00:00:00Z', maxEnd: '2023-06-30T00:00:00Z' });
  });

  test('Sell2Wales: a release with corrupted keys still has a notice page ("ur    l", ocds-kuma6s-148458)', () => {
    const corrupted = notice('s2w', 'ocds-kuma6s-148458');
    expect(corrupted.noticeUrl).toBe('https://www.sell2wales.gov.wales/search/search_switch.aspx?ID=148458');
    expect(corrupted.regions).toEqual([]); // "d    eliveryAddresses"
    expect(corrupted.title).toBe('Test Natasha'); // a test notice on the live portal, kept as published
  });

  test('Sell2Wales: the buyer is the party named in `buyer`, not another party with role buyer', () => {
    // ocds-kuma6s-148440 lists Swansea twice with role buyer: org-3 (the buyer) and org-4 (its legal team).
    const boiler = notice('s2w', 'ocds-kuma6s-148440');
    expect(boiler.buyer).toMatchObject({ name: 'City & County of Swansea', id: 'org-3', locality: 'Swansea', postcode: 'SA1 3SN' });
    expect(boiler.buyer.contact).toEqual({ name: 'Lisa Evans', email: 'procurement@swansea.gov.uk', telephone: '+44 7966230649' });
    // The lot gives 720 days and "an option to extend up to 24 months", but no dates: no maximum end.
    expect(boiler.contractPeriod).toEqual({
      durationDays: 720,
      extensionNote: 'Contract Period: April 2025 to March 2027 with an option to extend up to 24 months',
    });
  });
});

describe('council codes from GB-LAE ids', () => {
  test.each<[FileKey, string, string, string]>([
    ['cf2022', 'ocds-b5fd17-77c2b2da-8f41-4ccf-8b73-39c90ec15cb2', 'IPS', 'Ipswich Borough Council'],
    ['cf2025', 'ocds-b5fd17-8d32d7f9-d329-4b4f-bb2f-d2ce3ba23436', 'DUR', 'Durham County Council'],
    ['cfExtra', 'ocds-b5fd17-6e414ecd-9105-4a6d-a3ab-621c3440ffe1', 'DER', 'DERBY CITY COUNCIL'],
    ['cfExtra', 'ocds-b5fd17-722f1926-a09e-4962-a7bb-b149a46b19b7', 'HAV', 'LONDON BOROUGH OF HAVERING'],
  ])('%s %s -> %s', (key, ocid, code, name) => {
    expect(notice(key, ocid).buyer).toMatchObject({ id: `GB-LAE-${code}`, councilCode: code, name });
  });

  test('they are the only council codes without a resolver', () => {
    const codes = (Object.keys(FILES) as FileKey[]).flatMap((key) => parse(key).notices.flatMap((item) => item.buyer.councilCode ?? []));
    expect(codes.sort()).toEqual(['DER', 'DUR', 'HAV', 'IPS']);
  });

  const councilCodes = (resolveCouncil: (name: string) => string | null): Record<string, string> => {
    const codes: Record<string, string> = {};
    for (const item of parseReleases(raw('cf2025'), { resolveCouncil }).notices) {
      if (item.buyer.councilCode !== undefined) codes[item.ocid] = item.buyer.councilCode;
    }
    return codes;
  };
  const DURHAM_LAE = 'ocds-b5fd17-8d32d7f9-d329-4b4f-bb2f-d2ce3ba23436';
  const DURHAM_CFS = 'ocds-b5fd17-96f40dcd-871e-47f5-8764-525bd1bdb5a0'; // same council as GB-CFS-107286

  test('a resolver names buyers without a GB-LAE id', () => {
    const names: Record<string, string> = { 'London Borough of Merton': 'MRT', 'Durham County Council': 'DUR' };
    expect(councilCodes((name) => names[name] ?? null)).toEqual({
      'ocds-b5fd17-e3b5f385-5989-4cf1-8849-01c247fc9c30': 'MRT',
      'ocds-b5fd17-deddd0f5-7f54-41ae-9c16-bbd0e5933625': 'MRT',
      'ocds-b5fd17-d474bdd4-a0d8-4d20-b725-521e5199be07': 'MRT',
      [DURHAM_LAE]: 'DUR',
      [DURHAM_CFS]: 'DUR',
    });
  });

  test('the GB-LAE id wins over the resolver; codes of the wrong shape are dropped', () => {
    const durham = (codes: Record<string, string>): (string | undefined)[] => [codes[DURHAM_LAE], codes[DURHAM_CFS]];
    expect(durham(councilCodes(() => 'ZZZ'))).toEqual(['DUR', 'ZZZ']);
    expect(councilCodes(() => 'not a code')).toEqual({ [DURHAM_LAE]: 'DUR' });
  });
});

describe('merging the releases of one ocid', () => {
  test('award then two awardUpdates (2022 file, HMPPS Norwich): one notice, releases oldest first', () => {
    const norwich = notice('cf2022', 'ocds-b5fd17-b9541ef8-1235-4765-b44f-d21ae154d761');
    expect(norwich.stage).toBe('award');
    expect(norwich.releaseIds).toEqual([
      'cbe8c5c5-929b-4fe1-9dc2-87125e4ad652-582257',
      'cbe8c5c5-929b-4fe1-9dc2-87125e4ad652-582272',
      'cbe8c5c5-929b-4fe1-9dc2-87125e4ad652-582276',
    ]);
    expect(norwich.publishedAt).toBe('2022-10-19T15:14:05Z');
    expect(norwich.updatedAt).toBe('2022-10-19T15:44:56Z');
    expect(norwich.awards).toHaveLength(1);
    expect(norwich.suppliers).toEqual([{ name: 'Vinci Construction UK LTD' }]);
    expect(norwich.value).toEqual({ amount: 22682504.94, currency: 'GBP' });
  });

  test('a later release with an invalid status keeps the earlier status, takes the new title and value (2022 file, UKRI)', () => {
    // Release …-582322: award, status "complete", £1,350, "ITT for project 10042837".
    // Release …-582334: awardUpdate, status "InvalidStatus", £4,050, three projects.
    const ukri = notice('cf2022', 'ocds-b5fd17-9acd68ad-792b-4018-834f-ae3b047c8a7d');
    expect(ukri.status).toBe('complete');
    expect(ukri.title).toBe('ITT for projects 10042837, 10045189, 10044843');
    expect(ukri.value).toEqual({ amount: 4050, currency: 'GBP' });
    expect(ukri.awards.map((award) => award.value)).toEqual([{ amount: 4050, currency: 'GBP' }]);
    expect(ukri.suppliers).toEqual([{ name: 'OAKHEART SERVICES LTD.', companiesHouse: '09438364' }]);
  });

  test('tender then tenderAmendment (2022 file, Regent Theatre): still a tender', () => {
    const regent = notice('cf2022', 'ocds-b5fd17-77c2b2da-8f41-4ccf-8b73-39c90ec15cb2');
    expect(regent.stage).toBe('tender');
    expect(regent.releaseIds).toEqual(['c7ffea50-756d-4c18-98c4-b7fb656c9fb9-582261', 'c7ffea50-756d-4c18-98c4-b7fb656c9fb9-582262']);
    expect(regent.tenderDeadline).toBe('2022-11-23T23:59:59Z');
  });

  test('a tender notice and its award notice (2025-01-23 file, Bath and North East Somerset)', () => {
    const bath = notice('cf2025', 'ocds-b5fd17-0cb08240-82a6-4be3-b63a-1ba819a00d18');
    expect(bath.stage).toBe('award');
    expect(bath.publishedAt).toBe('2025-01-23T15:58:59Z'); // the tender's tender.datePublished
    // Two Contracts Finder pages share the ocid; the link goes to the latest (the award).
    expect(bath.releaseIds).toEqual(['7835a506-a523-46bd-836a-60a9b8ce418e-819883', 'beb37fb4-925c-47ea-8f8a-ce406ef559c8-819886']);
    expect(bath.noticeUrl).toBe('https://www.contractsfinder.service.gov.uk/Notice/beb37fb4-925c-47ea-8f8a-ce406ef559c8');
    expect(bath.suppliers).toEqual([{ name: 'OpenView Security Solutions Limited' }]);
  });

  test('an awardUpdate corrects the value, whatever the input order (extra file, "Business Case for LGR")', () => {
    // …-832939 (10:01:01) says £10,932,000; …-832942 (10:07:26) says £109,320. The file lists them newest first.
    const lgr = notice('cfExtra', 'ocds-b5fd17-09a309a3-8541-48b9-91c4-411c52e5bd34');
    expect(lgr.awards.map((award) => award.value?.amount)).toEqual([109320]);
    expect(lgr.value).toEqual({ amount: 109320, currency: 'GBP' });
    expect(lgr.serviceGroups).toEqual(['finance', 'corporate-strategy']); // CPV 66000000, then "LGR" in the title
    const reversed = parseReleases([...(raw('cfExtra') as unknown[])].reverse());
    expect(reversed.notices.find((item) => item.ocid === lgr.ocid)).toEqual(lgr);
  });

  test('two award releases with different award ids keep both awards (extra file, Birkenhead market)', () => {
    const market = notice('cfExtra', 'ocds-b5fd17-e0d4b2ec-d437-468f-82c7-1d751544e9ea');
    expect(market.awards.map((award) => [award.id.slice(-2), award.value?.amount])).toEqual([
      ['-1', 18848731],
      ['-2', 188487],
    ]);
    expect(market.suppliers).toEqual([{ name: 'Seddon Construction Limited' }]);
  });

  test('the whole file parses the same in any order', () => {
    const shuffled = [...(raw('cf2022') as { releases: unknown[] }).releases].reverse();
    const byOcid = (notices: Notice[]): Notice[] => [...notices].sort((a, b) => a.ocid.localeCompare(b.ocid));
    expect(byOcid(parseReleases(shuffled).notices)).toEqual(byOcid(parse('cf2022').notices));
  });
});

describe('suppliers', () => {
  test('a framework with 35 supplier references and one repeated party (extra file, ESPO vehicles)', () => {
    const espo = notice('cfExtra', 'ocds-b5fd17-8d84c691-fc64-4f64-b240-443a0af1ba82');
    expect(espo.suppliers).toHaveLength(34);
    expect(espo.suppliers).toContainEqual({ name: 'ALEXANDER DENNIS LIMITED', companiesHouse: 'SC268016' });
    expect(espo.suppliers).toContainEqual({ name: 'DENNIS EAGLE LIMITED (t/a Terberg Matec UK)', companiesHouse: '03794455' });
    expect(espo.suppliers).toContainEqual({ name: 'ROMAQUIP LTD' }); // GB-CFS id: no company number
    expect(espo.suppliers.filter((supplier) => supplier.companiesHouse === '03794455')).toHaveLength(1);
  });

  test('company numbers are padded; a 9-digit "GB-COH" id is not one (2025-01-23 file, Nominet)', () => {
    const nominet = notice('cf2025', 'ocds-b5fd17-4d0cd937-f839-4dec-ae20-444e141c5dfa');
    expect(nominet.suppliers).toContainEqual({ name: 'NOMINET UK' });
    const numbers = (Object.keys(FILES) as FileKey[]).flatMap((key) =>
      parse(key).notices.flatMap((item) => item.suppliers.flatMap((supplier) => supplier.companiesHouse ?? [])),
    );
    expect(numbers.length).toBeGreaterThan(50);
    for (const number of numbers) expect(number).toMatch(/^(?:\d{8}|[A-Z]{2}\d{6})$/);
    expect(numbers).toContain('04142000'); // GB-COH-4142000
  });
});
