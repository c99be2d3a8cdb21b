import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { growthRatio, NOT_LINEAR } from '../../support/growth';
import { describe, expect, test } from 'vitest';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { NoticeSchema } from '@/lib/ocds/notice';

/**
 * Hand-made inputs for the edge cases the real files do not have, each a small variation of a
 * minimal Contracts Finder-shaped release (ids, tags and URLs as in ../shared/data).
 */

const OCID = 'ocds-b5fd17-11111111-2222-3333-4444-555555555555';
const NOTICE = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

type Json = Record<string, unknown>;

function release(overrides: Json = {}, tender: Json = {}): Json {
  return {
    ocid: OCID,
    id: `${NOTICE}-100`,
    date: '2025-01-23T10:00:00Z',
    tag: ['tender'],
    tender: { title: 'Grounds maintenance', description: 'Parks and open spaces.', status: 'active', ...tender },
    parties: [{ id: 'GB-LAE-LDS', name: 'Leeds City Council', roles: ['buyer'] }],
    buyer: { id: 'GB-LAE-LDS', name: 'Leeds City Council' },
    ...overrides,
  };
}

const one = (input: unknown) => {
  const result = parseReleases(input);
  expect(result.rejected).toEqual([]);
  expect(result.notices).toHaveLength(1);
  const [notice] = result.notices;
  return NoticeSchema.parse(notice);
};

describe('input shapes', () => {
  test.each([
    ['null', null],
    ['a number', 42],
    ['a string', '{"releases": []}'],
    ['an empty object', {}],
    ['an object of another kind', { results: [] }],
    ['releases that are not an array', { releases: 'none' }],
  ])('%s: one rejection, no throw', (_name, input) => {
    expect(parseReleases(input)).toEqual({
      notices: [],
      rejected: [{ index: 0, reason: 'not an OCDS release package, record package, array of releases or release' }],
    });
  });

  test('a single release', () => {
    expect(one(release())).toMatchObject({ ocid: OCID, stage: 'tender', buyer: { councilCode: 'LDS' } });
  });

  test('a bare array, with items that are not releases', () => {
    const result = parseReleases([release(), 'text', null, { id: 'no-ocid' }, { ocid: '   ' }]);
    expect(result.notices.map((notice) => notice.ocid)).toEqual([OCID]);
    expect(result.rejected).toEqual([
      { index: 1, reason: 'release is not an object' },
      { index: 2, reason: 'release is not an object' },
      { index: 3, reason: 'no ocid' },
      { index: 4, reason: 'no ocid' },
    ]);
  });

  test('an empty package', () => {
    expect(parseReleases({ releases: [] })).toEqual({ notices: [], rejected: [] });
  });

  test('a record package: full releases, a compiled release with linked ones, and an empty record', () => {
    const compiledOcid = 'ocds-b5fd17-99999999-8888-7777-6666-555555555555';
    const result = parseReleases({
      uri: 'https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Record',
      records: [
        {
          ocid: OCID,
          releases: [
            release({ ocid: undefined, id: `${NOTICE}-101`, date: '2025-01-24T10:00:00Z', tag: ['tenderAmendment'] }, { title: 'Grounds maintenance (amended)' }),
            release({ ocid: undefined }),
          ],
        },
        {
          ocid: compiledOcid,
          releases: [
            { url: 'https://example.org/r1', date: '2025-01-01T00:00:00Z', tag: ['tender'] },
            { url: 'https://example.org/r2', date: '2025-02-01T00:00:00Z', tag: ['award'] },
          ],
          compiledRelease: release({ ocid: compiledOcid, id: `${NOTICE}-7`, tag: ['compiled'] }),
        },
        { ocid: 'ocds-b5fd17-empty', releases: [{ url: 'https://example.org/r3' }] },
        'not a record',
      ],
    });
    expect(result.notices.map((notice) => [notice.ocid, notice.stage, notice.title])).toEqual([
      [OCID, 'tender', 'Grounds maintenance (amended)'],
      [compiledOcid, 'award', 'Grounds maintenance'], // the linked releases' tags count
    ]);
    expect(result.rejected).toEqual([
      { index: 2, reason: 'record has neither full releases nor a compiledRelease', ocid: 'ocds-b5fd17-empty' },
      { index: 3, reason: 'record is not an object' },
    ]);
  });

  test('a single record', () => {
    expect(one({ ocid: OCID, compiledRelease: release({ tag: ['compiled'] }) }).stage).toBe('tender');
  });
});

describe('values', () => {
  test.each([
    ['1e9999 (Infinity)', '1e9999'],
    ['negative', '-500'],
    ['zero (Contracts Finder spot-purchase awards)', '0'],
  ])('%s: the value is dropped, the notice kept', (_name, amount) => {
    const input = JSON.parse(
      `{"ocid":"${OCID}","id":"${NOTICE}-1","date":"2025-01-23T10:00:00Z","tag":["award"],"buyer":{"name":"Leeds City Council"},` +
        `"tender":{"title":"T","value":{"amount":${amount},"currency":"GBP"}},` +
        `"awards":[{"id":"a1","value":{"amount":${amount},"currency":"GBP"},"suppliers":[{"name":"S Ltd"}]}]}`,
    ) as unknown;
    const notice = one(input);
    expect(notice.value).toBeUndefined();
    expect(notice.awards).toEqual([{ id: 'a1', suppliers: [{ name: 'S Ltd' }] }]);
  });

  test.each([
    ['NaN', { amount: Number.NaN, currency: 'GBP' }, undefined],
    ['no currency', { amount: 100 }, undefined],
    ['a bad currency', { amount: 100, currency: 'pounds' }, undefined],
    ['a numeric string', { amount: '12000.50', currency: 'gbp' }, { amount: 12000.5, currency: 'GBP' }],
    ['a non-numeric string', { amount: '£12k', currency: 'GBP' }, undefined],
    ['a number', { amount: 0.01, currency: 'GBP' }, { amount: 0.01, currency: 'GBP' }],
  ])('%s', (_name, value, expected) => {
    expect(one(release({}, { value })).value).toEqual(expected);
  });

  test('without a tender value: the sum of the live awards in one currency', () => {
    const notice = one(
      release({
        tag: ['award'],
        awards: [
          { id: 'a1', status: 'active', value: { amount: 100, currency: 'GBP' }, suppliers: [{ name: 'A Ltd' }] },
          { id: 'a2', value: { amount: 50, currency: 'GBP' }, suppliers: [{ name: 'B Ltd' }] },
          { id: 'a3', status: 'cancelled', value: { amount: 1000, currency: 'GBP' }, suppliers: [{ name: 'C Ltd' }] },
        ],
      }),
    );
    expect(notice.value).toEqual({ amount: 150, currency: 'GBP' });
    expect(notice.suppliers).toEqual([{ name: 'A Ltd' }, { name: 'B Ltd' }]); // not the cancelled award's
    expect(notice.awards.map((award) => award.status)).toEqual(['active', undefined, 'cancelled']);
  });

  test('awards in two currencies give no total', () => {
    const notice = one(
      release({
        awards: [
          { id: 'a1', value: { amount: 100, currency: 'GBP' } },
          { id: 'a2', value: { amount: 50, currency: 'EUR' } },
        ],
      }),
    );
    expect(notice.value).toBeUndefined();
  });
});

describe('missing and broken fields', () => {
  test('no title: the description starts the title', () => {
    const notice = one(release({}, { title: undefined, description: 'Provision of a school catering service.\nSecond line.' }));
    expect(notice.title).toBe('Provision of a school catering service.');
  });

  test('a long first line is cut at a word', () => {
    const notice = one(release({}, { title: '', description: `Provision of ${'very '.repeat(40)}long services` }));
    expect(notice.title.length).toBeLessThanOrEqual(121);
    expect(notice.title.endsWith('very…')).toBe(true);
  });

  test.each([
    ['no title and no description', release({}, { title: undefined, description: '  ' }), 'no title and no description'],
    ['no buyer', release({ buyer: undefined, parties: [] }), 'no buyer name'],
    ['no date', release({ date: 'yesterday' }), 'no valid release date'],
    ['no tag and no content', { ocid: OCID, id: `${NOTICE}-1`, date: '2025-01-01', title: 'T', buyer: { name: 'B' } }, 'no stage: no known tag and no planning, tender, award or contract'],
    ['an unknown portal', release({ ocid: 'ocds-zzzzzz-1' }), 'unknown portal: ocid prefix of ocds-zzzzzz-1 and no portal URL'],
    ['no way to the notice page', release({ id: 'not-a-notice-id' }), 'no notice URL for contracts-finder'],
  ])('%s: rejected', (_name, input, reason) => {
    const result = parseReleases([input]);
    expect(result.notices).toEqual([]);
    expect(result.rejected).toEqual([{ index: 0, reason, ocid: (input as Json)['ocid'] }]);
  });

  test('a tag given as a string', () => {
    expect(one(release({ tag: 'awardUpdate' })).stage).toBe('award');
  });

  test('the buyer from the party with role buyer when `buyer` is missing', () => {
    const notice = one(release({ buyer: undefined, parties: [{ id: 'GB-CFS-1', name: 'Leeds City Council', roles: ['buyer'] }] }));
    expect(notice.buyer).toEqual({ name: 'Leeds City Council', id: 'GB-CFS-1' });
  });

  test('an unknown ocid prefix is accepted when the package says which portal it is', () => {
    const notice = one({ uri: 'https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search', releases: [release({ ocid: 'ocds-zzzzzz-1' })] });
    expect(notice.source).toBe('contracts-finder');
    expect(notice.noticeUrl).toBe(`https://www.contractsfinder.service.gov.uk/Notice/${NOTICE}`);
  });

  test('wrong types everywhere: no throw, what is usable is kept', () => {
    const notice = one(
      release({
        tag: ['constructor', 'award', 7],
        parties: { not: 'an array' },
        awards: [null, 'x', { id: 7, suppliers: 'none', contractPeriod: { startDate: 5, endDate: '2026-13-01' } }],
        tender: {
          title: ['array'],
          description: 'Kept',
          status: 'InvalidStatus',
          classification: { id: 48000000 },
          items: 'x',
          tenderPeriod: { endDate: '31/01/2025' },
          procurementMethod: 'auction',
          suitability: { sme: 'yes', vcse: false },
          lots: [{ contractPeriod: { durationInDays: -5 } }],
        },
      }),
    );
    expect(notice).toMatchObject({ title: 'Kept', description: 'Kept', stage: 'award', cpv: ['48000000'], suitability: { vcse: false } });
    expect(notice.status).toBeUndefined();
    expect(notice.tenderDeadline).toBeUndefined();
    expect(notice.procurementMethod).toBeUndefined();
    expect(notice.awards).toEqual([{ id: '7', suppliers: [] }]);
  });

  test('CPV codes: check digits dropped, other schemes ignored, duplicates once, main first', () => {
    const notice = one(
      release(
        {},
        {
          classification: { scheme: 'CPV', id: '90500000-2' },
          items: [
            { additionalClassifications: [{ scheme: 'CPV', id: '90511000' }, { scheme: 'CPVS', id: 'AA01' }, { id: '90500000' }, { scheme: 'CPV', id: '123' }] },
          ],
        },
      ),
    );
    expect(notice.cpv).toEqual(['90500000', '90511000']);
    expect(notice.serviceGroups).toEqual(['waste', 'culture-leisure']);
  });
});

describe('parties', () => {
  test('duplicated parties: one buyer, deduplicated suppliers with company numbers', () => {
    const notice = one(
      release({
        tag: ['award'],
        parties: [
          { id: 'GB-LAE-LDS', name: 'Leeds City Council', roles: ['buyer'] },
          { id: 'GB-LAE-LDS', name: 'LEEDS CITY COUNCIL', roles: ['buyer'], contactPoint: { name: 'A Buyer', email: 'buyer@leeds.gov.uk' }, address: { locality: 'Leeds,', postalCode: 'LS1 1UR' } },
          { id: 'GB-COH-4142000', name: 'Acme Ltd', roles: ['supplier'] },
          { id: 'GB-CFS-9', name: 'ACME LIMITED', roles: ['supplier'] },
          { id: 'GB-CFS-10', name: 'Other &amp; Sons', roles: ['supplier'], identifier: { scheme: 'GB-COH', id: 'SC53003' } },
        ],
        awards: [
          { id: 'a1', status: 'active', suppliers: [{ id: 'GB-COH-4142000', name: 'Acme Ltd' }, { id: 'GB-CFS-9', name: 'ACME LIMITED' }] },
          { id: 'a2', status: 'active', suppliers: [{ id: 'GB-CFS-10' }, { id: 'GB-COH-4142000', name: 'Acme Ltd' }] },
        ],
      }),
    );
    expect(notice.buyer).toEqual({
      name: 'Leeds City Council',
      id: 'GB-LAE-LDS',
      councilCode: 'LDS',
      contact: { name: 'A Buyer', email: 'buyer@leeds.gov.uk' },
      locality: 'Leeds',
      postcode: 'LS1 1UR',
    });
    expect(notice.suppliers).toEqual([
      { name: 'Acme Ltd', companiesHouse: '04142000' },
      { name: 'Other & Sons', companiesHouse: 'SC053003' },
    ]);
    expect(notice.awards[0]?.suppliers).toEqual([{ name: 'Acme Ltd', companiesHouse: '04142000' }]);
  });

  test('a GB-LAE id that is not a register code gives no council code', () => {
    expect(one(release({ buyer: { id: 'GB-LAE-leeds city', name: 'Leeds' } })).buyer.councilCode).toBeUndefined();
  });

  test('the resolver is asked for the buyer name only when there is no GB-LAE code', () => {
    const asked: string[] = [];
    const resolveCouncil = (name: string): string | null => {
      asked.push(name);
      return 'BRD';
    };
    const withLae = parseReleases(release(), { resolveCouncil });
    const without = parseReleases(release({ buyer: { id: 'GB-CFS-1', name: 'City of Bradford MDC' }, parties: [] }), { resolveCouncil });
    expect(withLae.notices[0]?.buyer.councilCode).toBe('LDS');
    expect(without.notices[0]?.buyer.councilCode).toBe('BRD');
    expect(asked).toEqual(['City of Bradford MDC']);
  });
});

describe('text', () => {
  test('HTML entities and tags in titles and descriptions', () => {
    const notice = one(
      release({}, { title: 'Parks &amp; Open Spaces &#8211; Lot&nbsp;1', description: '<p>Mowing &lt;5 ha&gt; sites.</p><ul><li>Parks</li><li>Verges</li></ul>' }),
    );
    expect(notice.title).toBe('Parks & Open Spaces – Lot 1');
    expect(notice.description).toBe('Mowing <5 ha> sites.\n\nParks\nVerges');
  });

  test('stripped line breaks and mojibake in a description', () => {
    const notice = one(release({}, { description: 'Lot 1 â€“ Parks.rnrnLot 2 â€“ Verges.rnThanksrn Northern Ireland excluded. Budget Â£10k' }));
    expect(notice.description).toBe('Lot 1 – Parks.\n\nLot 2 – Verges.\nThanks\nNorthern Ireland excluded. Budget £10k');
  });
});

describe('merging', () => {
  test('same date: the Contracts Finder sequence number decides which release is later', () => {
    const notice = one([
      release({ id: `${NOTICE}-200` }, { title: 'Second' }),
      release({ id: `${NOTICE}-199` }, { title: 'First' }),
    ]);
    expect(notice.title).toBe('Second');
    expect(notice.releaseIds).toEqual([`${NOTICE}-199`, `${NOTICE}-200`]);
  });

  test('later releases win field by field; fields they lack are kept', () => {
    const notice = one([
      release({ date: '2025-01-01T00:00:00Z', id: `${NOTICE}-1` }, { value: { amount: 100, currency: 'GBP' }, tenderPeriod: { endDate: '2025-02-01T12:00:00Z' } }),
      release({ date: '2025-01-10T00:00:00Z', id: `${NOTICE}-2`, tag: ['tenderAmendment'] }, { description: undefined, tenderPeriod: { endDate: '2025-02-08T12:00:00Z' } }),
    ]);
    expect(notice.value).toEqual({ amount: 100, currency: 'GBP' });
    expect(notice.description).toBe('Parks and open spaces.');
    expect(notice.tenderDeadline).toBe('2025-02-08T12:00:00Z');
    expect(notice.publishedAt).toBe('2025-01-01T00:00:00Z');
    expect(notice.updatedAt).toBe('2025-01-10T00:00:00Z');
  });

  test('awards merged by id; the stage is the most advanced seen', () => {
    const notice = one([
      release({ date: '2025-03-01T00:00:00Z', id: `${NOTICE}-3`, tag: ['awardUpdate'], awards: [{ id: 'a1', value: { amount: 90, currency: 'GBP' } }] }),
      release({ date: '2025-02-01T00:00:00Z', id: `${NOTICE}-2`, tag: ['award'], awards: [{ id: 'a1', status: 'active', value: { amount: 80, currency: 'GBP' }, suppliers: [{ name: 'Winner Ltd' }], contractPeriod: { startDate: '2025-04-01', endDate: '2027-03-31' } }] }),
      release({ date: '2025-01-01T00:00:00Z', id: `${NOTICE}-1`, tag: ['tender'] }),
    ]);
    expect(notice.stage).toBe('award');
    expect(notice.awards).toEqual([
      { id: 'a1', status: 'active', value: { amount: 90, currency: 'GBP' }, suppliers: [{ name: 'Winner Ltd' }], contractPeriod: { start: '2025-04-01', end: '2027-03-31' } },
    ]);
    expect(notice.contractPeriod).toEqual({ start: '2025-04-01', end: '2027-03-31' });
  });

  test('releases of several ocids give several notices, in first-seen order', () => {
    const other = 'ocds-b5fd17-22222222-2222-3333-4444-555555555555';
    const result = parseReleases([release(), release({ ocid: other }), release({ id: `${NOTICE}-101`, date: '2025-02-01T00:00:00Z' })]);
    expect(result.notices.map((notice) => [notice.ocid, notice.releaseIds.length])).toEqual([
      [OCID, 2],
      [other, 1],
    ]);
  });
});

describe('Find a Tender', () => {
  test('the API documentation sample (tests/fixtures/ocds/find-a-tender--api-documentation-sample.json)', () => {
    const sample = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../fixtures/ocds/find-a-tender--api-documentation-sample.json'), 'utf8')) as unknown;
    expect(one(sample)).toEqual({
      ocid: 'ocds-h6vhtk-0026ef-integration',
      source: 'find-a-tender',
      stage: 'planning',
      status: 'planned',
      title: 'Sample title',
      description: 'Sample short description',
      // The sample's planning release names a future notice date: when its tender is expected.
      expectedTenderDate: '2020-12-30',
      buyer: {
        name: 'Buyer name',
        id: '1',
        contact: { name: 'Contact person name', email: 'ContactEmail@sample.com', telephone: '+44 1234562121' },
        locality: 'Buyer town',
        postcode: 'A23JD',
      },
      cpv: ['03000000'],
      serviceGroups: [],
      value: { amount: 123, currency: 'GBP' },
      publishedAt: '2020-12-08T11:07:45Z',
      updatedAt: '2020-12-08T11:07:45Z',
      contractPeriod: { durationDays: 30, extensionNote: 'Sample renewals description' },
      suppliers: [],
      awards: [],
      regions: ['UK'],
      noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/001060-2020',
      releaseIds: ['001060-2020'],
    });
  });

  test('a contract stage release: contract period and maximum extent from `contracts`, company number from the identifier', () => {
    const notice = one({
      ocid: 'ocds-h6vhtk-04abcd',
      id: '012345-2025',
      date: '2025-06-01T09:00:00Z',
      tag: ['contract'],
      tender: { title: 'Highways term maintenance', classification: { scheme: 'CPV', id: '45233000' }, lots: [{ id: '1', hasRenewal: true, renewal: { description: 'up to a further 2 years' } }] },
      parties: [
        { id: 'GB-FTS-1', name: 'Kent County Council', roles: ['buyer'] },
        { id: 'GB-FTS-2', name: 'Roads Ltd', roles: ['supplier'], identifier: { scheme: 'GB-COH', id: '01234567' } },
      ],
      buyer: { id: 'GB-FTS-1', name: 'Kent County Council' },
      awards: [{ id: '012345-2025-1', status: 'active', suppliers: [{ id: 'GB-FTS-2', name: 'Roads Ltd' }], contractPeriod: { startDate: '2025-07-01T00:00:00+01:00' } }],
      contracts: [{ id: 'c1', awardID: '012345-2025-1', status: 'active', period: { startDate: '2025-07-01T00:00:00+01:00', endDate: '2030-06-30T23:59:59+01:00', maxExtentDate: '2033-06-30T23:59:59+01:00' }, value: { amount: 5_000_000, currency: 'GBP' } }],
    });
    expect(notice).toMatchObject({
      source: 'find-a-tender',
      stage: 'contract',
      serviceGroups: ['highways-transport'],
      value: { amount: 5_000_000, currency: 'GBP' },
      suppliers: [{ name: 'Roads Ltd', companiesHouse: '01234567' }],
      // maxExtentDate is published, so it wins over the renewal text's 2 years.
      contractPeriod: { start: '2025-06-30T23:00:00Z', end: '2030-06-30T22:59:59Z', maxEnd: '2033-06-30T22:59:59Z', extensionNote: 'up to a further 2 years' },
      noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/012345-2025',
    });
  });
});

test('parses releases in linear time', () => {
  const releases = (n: number) =>
    Array.from({ length: n }, (_, index) =>
      release(
        { ocid: `ocds-b5fd17-${String(index).padStart(8, '0')}-2222-3333-4444-555555555555` },
        { description: `Lot ${index}.rnrnThanksrn Northern government &amp; more. ${'words '.repeat(100)}` },
      ),
    );
  expect(parseReleases(releases(10_000)).notices).toHaveLength(10_000);
  const inputs = new Map([1_000, 4_000].map((n) => [n, releases(n)]));
  expect(growthRatio((n) => parseReleases(inputs.get(n)!), 1_000)).toBeLessThan(NOT_LINEAR);
});

test('lib/ocds stays pure: no browser APIs, no Node modules, from other lib folders only the council schema and service groups', () => {
  const dir = path.join(import.meta.dirname, '../../../lib/ocds');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    for (const [statement, from] of source.matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gm)) {
      // Type-only imports vanish at build time, so the shared protocol types are allowed.
      if (/^import type /.test(statement) && from === '@/lib/protocol') continue;
      expect(`${file}: ${from}`).toMatch(/: (?:zod|\.\/[a-z-]+|@\/lib\/councils\/schema|@\/lib\/roles\/groups)$/);
    }
    const code = source.replace(/\/\*[^]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(?:window|document|browser|chrome|localStorage|indexedDB|fetch)\s*[.(]/);
  }
});
