import { describe, expect, test } from 'vitest';
import { confidenceBand, createCouncilIndex } from '@/lib/councils/council-index';
import { resolvePageContext, type PageContextDeps, TabContextSchema } from '@/lib/page-context';
import { councilsFile, register, services } from '../support/public-data';
import type { CouncilRef, PreviousCouncil } from '@/lib/councils/card';
import type { ContractsFinderNoticeFacts, ExperienceEntry, LinkedInCompanyFacts, LinkedInProfileFacts } from '@/lib/sites/types';

// The real register and recogniser (public/data/councils.json): the chains and splits under test
// are the register's own successor lists (Taunton Deane -> Somerset West and Taunton -> Somerset).
const deps: PageContextDeps = { register, services, resolver: createCouncilIndex(councilsFile) };

function profile(employer: string | null, experience: ExperienceEntry[] = []): LinkedInProfileFacts {
  return {
    kind: 'linkedin-profile',
    pageId: 'someone',
    readVia: 'classic',
    name: 'Sam Reed',
    headline: null,
    employer,
    title: 'Service Manager',
    experience,
    text: '',
  };
}

const past = (employer: string): ExperienceEntry => ({ employer, title: 'Officer', current: false, dates: '2012 - 2016' });

const SMT: CouncilRef = { code: 'SMT', name: 'Somerset Council' };
const CBD: CouncilRef = { code: 'CBD', name: 'Cumberland Council' };
const WAF: CouncilRef = { code: 'WAF', name: 'Westmorland and Furness Council' };
const NNT: CouncilRef = { code: 'NNT', name: 'North Northamptonshire Council' };
const WNT: CouncilRef = { code: 'WNT', name: 'West Northamptonshire Council' };
const LBC: CouncilRef = { code: 'LBC', name: 'Lisburn and Castlereagh City Council' };
const BFS: CouncilRef = { code: 'BFS', name: 'Belfast City Council' };
const NYE: CouncilRef = { code: 'NYE', name: 'North Yorkshire Council' };

describe('a former council as the current employer', () => {
  test.each<[string, string, { code: string; name: string; endDate: string }, CouncilRef[]]>([
    // Two abolitions: Somerset West and Taunton (2019) was itself abolished in 2023.
    ['two hops', 'Taunton Deane Borough Council', { code: 'TAU', name: 'Taunton Deane Borough Council', endDate: '2019-03-31' }, [SMT]],
    ['two hops, short name', 'West Somerset Council', { code: 'WSO', name: 'West Somerset District Council', endDate: '2019-03-31' }, [SMT]],
    ['a split', 'Cumbria County Council', { code: 'CMA', name: 'Cumbria County Council', endDate: '2023-04-01' }, [CBD, WAF]],
    ['a split', 'Northamptonshire County Council', { code: 'NTH', name: 'Northamptonshire County Council', endDate: '2021-04-01' }, [NNT, WNT]],
    ['a split', 'Lisburn City Council', { code: 'NIR-S', name: 'Lisburn City Council', endDate: '2015-03-31' }, [LBC, BFS]],
    ['one successor', 'Harrogate Borough Council', { code: 'HAG', name: 'Harrogate Borough Council', endDate: '2023-04-01' }, [NYE]],
  ])('%s: %s resolves to every current successor', (_label, employer, former, successors) => {
    const ctx = resolvePageContext(profile(employer), 'linkedin-profile', deps);
    expect(ctx.status).toBe('council');
    // One card: the first current successor; the match names the former council and all of them.
    expect(ctx.card?.code).toBe(successors[0]!.code);
    expect(ctx.match).toEqual({ matchedText: employer, source: 'employer', former: { ...former, successors }, confidence: expect.any(Number) });
  });

  test('a current council has no former', () => {
    const ctx = resolvePageContext(profile('Leeds City Council'), 'linkedin-profile', deps);
    expect(ctx.card?.code).toBe('LDS');
    expect(ctx.match?.former).toBeNull();
  });

  test('the same chains on a company page and in a tender buyer field', () => {
    const company: LinkedInCompanyFacts = {
      kind: 'linkedin-company',
      pageId: 'taunton-deane-borough-council',
      readVia: 'sdui',
      companyName: 'Taunton Deane Borough Council',
      industry: 'Government Administration',
      text: '',
    };
    const ctx = resolvePageContext(company, 'linkedin-company', deps);
    expect(ctx.card?.code).toBe('SMT');
    expect(ctx.match?.former?.successors).toEqual([SMT]);

    const notice: ContractsFinderNoticeFacts = {
      kind: 'contracts-finder-notice',
      site: 'contracts-finder',
      pageId: '0f3c2a9e-1b2d-4c5e-8f70-123456789abc',
      readVia: 'structure',
      ocid: null,
      noticeId: null,
      title: 'Highways maintenance',
      buyer: { name: 'Northamptonshire County Council', address: null },
      stage: 'award',
      status: null,
      deadline: null,
      publishedAt: '2020-06-01',
      value: null,
      contractStart: null,
      contractEnd: null,
      cpv: [],
      suppliers: [],
      location: null,
      text: '',
    };
    const buyer = resolvePageContext(notice, 'contracts-finder-notice', deps);
    expect(buyer.card?.code).toBe('NNT');
    expect(buyer.match).toMatchObject({ source: 'buyer', former: { code: 'NTH', successors: [NNT, WNT] } });
  });

  test('a former council found in the visible text follows the chain too', () => {
    const facts = { ...profile(null), readVia: 'text' as const, title: null, text: 'Sam Reed\nPlanning Officer\nCumbria County Council · Full-time' };
    const ctx = resolvePageContext(facts, 'linkedin-profile', deps);
    expect(ctx.card?.code).toBe('CBD');
    expect(ctx.match).toMatchObject({ source: 'text', former: { code: 'CMA', successors: [CBD, WAF] } });
  });
});

describe('how sure the card is', () => {
  test.each([
    ['Leeds City Council', 'LDS', 'high'],
    ['Kent County Council', 'KEN', 'high'],
    ['Kent', 'KEN', 'medium'],
    ['Leeds City', 'LDS', 'medium'],
  ])('employer %j -> %s, %s confidence carried on the match', (employer, code, band) => {
    const ctx = resolvePageContext(profile(employer), 'linkedin-profile', deps);
    expect(ctx.card?.code).toBe(code);
    expect(confidenceBand(ctx.match!.confidence!)).toBe(band);
  });
});

describe('previously at', () => {
  test.each<[string, string | null, string[], PreviousCouncil[]]>([
    // The council the person worked at, by its own name, with what it is now.
    ['a former council keeps its own name', 'Leeds City Council', ['Harrogate Borough Council'], [{ code: 'HAG', name: 'Harrogate Borough Council', successors: [NYE] }]],
    ['two hops', 'Leeds City Council', ['Taunton Deane Borough Council'], [{ code: 'TAU', name: 'Taunton Deane Borough Council', successors: [SMT] }]],
    ['a split', 'Leeds City Council', ['Cumbria County Council'], [{ code: 'CMA', name: 'Cumbria County Council', successors: [CBD, WAF] }]],
    ['a split', 'Leeds City Council', ['Northamptonshire County Council'], [{ code: 'NTH', name: 'Northamptonshire County Council', successors: [NNT, WNT] }]],
    ['a current council has no successors', 'Leeds City Council', ['Kirklees Council'], [{ code: 'KIR', name: 'Kirklees Council' }]],
    // Working at North Yorkshire Council now does not hide the Harrogate years.
    ['the predecessor of today’s employer', 'North Yorkshire Council', ['Harrogate Borough Council'], [{ code: 'HAG', name: 'Harrogate Borough Council', successors: [NYE] }]],
    ['the council of the card is not repeated', 'Harrogate Borough Council', ['Harrogate Borough Council', 'Kirklees Council'], [{ code: 'KIR', name: 'Kirklees Council' }]],
    ['two councils merged into one are both listed', 'Leeds City Council', ['Taunton Deane Borough Council', 'West Somerset Council'], [
      { code: 'TAU', name: 'Taunton Deane Borough Council', successors: [SMT] },
      { code: 'WSO', name: 'West Somerset District Council', successors: [SMT] },
    ]],
    ['also without a council today', 'Brightwater Digital Ltd', ['Capita', 'Harrogate Borough Council'], [{ code: 'HAG', name: 'Harrogate Borough Council', successors: [NYE] }]],
  ])('%s: %s, then %j', (_label, employer, employers, expected) => {
    const ctx = resolvePageContext(profile(employer, employers.map(past)), 'linkedin-profile', deps);
    expect(ctx.previously).toEqual(expected);
  });

  test('the context is a valid TabContext', () => {
    const facts = profile('Cumbria County Council', [past('Harrogate Borough Council'), past('Kirklees Council')]);
    const ctx = { ...resolvePageContext(facts, 'linkedin-profile', deps), tabId: 1, url: 'https://www.linkedin.com/in/someone/', updatedAt: 0 };
    expect(TabContextSchema.parse(ctx)).toEqual(ctx);
  });
});
