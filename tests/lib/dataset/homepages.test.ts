import { describe, expect, test } from 'vitest';
import { domainOf, joinHomepages, type HomepageTarget } from '@/lib/dataset/homepages';

describe('domainOf', () => {
  // URLs from ../shared/data/govuk_local_authorities_homepages.csv.
  test.each([
    ['https://www.leeds.gov.uk/', 'leeds.gov.uk'],
    ['https://www.blackpool.gov.uk/Home.aspx', 'blackpool.gov.uk'],
    ['http://www.west-norfolk.gov.uk', 'west-norfolk.gov.uk'],
    ['https://crawley.gov.uk/', 'crawley.gov.uk'],
    ['https://new.devon.gov.uk/', 'new.devon.gov.uk'],
    ['https://www.carmarthenshire.gov.wales/home/council-services/', 'carmarthenshire.gov.wales'],
    ['https://www.derrystrabane.com/', 'derrystrabane.com'],
    ['https://WWW.Example.GOV.UK/', 'example.gov.uk'],
  ])('%s -> %s', (url, domain) => {
    expect(domainOf(url)).toBe(domain);
  });
});

describe('joinHomepages', () => {
  const target = (code: string, gss: string | null, govUkSlug: string, officialName: string, niceName: string): HomepageTarget => ({
    code,
    gss,
    govUkSlug,
    officialName,
    niceName,
  });
  const row = (gss: string, slug: string, name: string, homepageUrl: string) => ({ gss, slug, name, homepageUrl });

  test('joins on GSS first, then slug, official name, nice name as slug (real rows)', () => {
    const joined = joinHomepages(
      [
        target('LDS', 'E08000035', 'leeds', 'Leeds City Council', 'Leeds'),
        target('GLG', 'S12000049', 'glasgow', 'Glasgow City Council', 'Glasgow City'),
        target('NYE', 'E06000065', '', 'North Yorkshire Council', 'North Yorkshire'),
        target('XYZ', 'E00000000', '', 'Perth and Kinross Council', 'Perth & Kinross'),
      ],
      [
        row('E08000035', 'leeds', 'Leeds City Council', 'https://www.leeds.gov.uk/'),
        row('S12000046', 'glasgow', 'Glasgow City Council', 'https://www.glasgow.gov.uk/'),
        row('E10000023', 'north-yorkshire', 'North Yorkshire County Council', 'http://www.northyorks.gov.uk/'),
        row('S12000024', 'pkc', 'Perth and Kinross Council', 'https://www.pkc.gov.uk/'),
      ],
    );
    expect(Object.fromEntries(joined)).toEqual({
      LDS: { homepage: 'https://www.leeds.gov.uk/', domain: 'leeds.gov.uk' },
      GLG: { homepage: 'https://www.glasgow.gov.uk/', domain: 'glasgow.gov.uk' },
      NYE: { homepage: 'http://www.northyorks.gov.uk/', domain: 'northyorks.gov.uk' },
      XYZ: { homepage: 'https://www.pkc.gov.uk/', domain: 'pkc.gov.uk' },
    });
  });

  test('a row already joined on GSS is not joined again by a fallback', () => {
    const joined = joinHomepages(
      [target('AAA', 'E1', 'same', 'A Council', 'A'), target('BBB', 'E2', 'same', 'B Council', 'B')],
      [row('E1', 'same', 'A Council', 'https://a.gov.uk/')],
    );
    expect([...joined.keys()]).toEqual(['AAA']);
  });

  test('an ambiguous fallback joins nothing', () => {
    const joined = joinHomepages(
      [target('AAA', null, 'x', 'A Council', 'A')],
      [row('E1', 'x', 'One', 'https://one.gov.uk/'), row('E2', 'x', 'Two', 'https://two.gov.uk/')],
    );
    expect(joined.size).toBe(0);
  });
});
