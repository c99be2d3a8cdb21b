import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, test } from 'vitest';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { lookupCouncil } from '@/entrypoints/background/handlers/lookup-council';
import { getCouncilCard } from '@/entrypoints/background/handlers/get-council-card';
import { buildKnowledge, type Knowledge } from '@/entrypoints/background/knowledge';
import { loadDatasets } from '@/entrypoints/background/refresh/load-datasets';
import { createCouncilIndex } from '@/lib/councils/council-index';
import type { LinkedInProfileFacts } from '@/lib/sites/types';

const root = resolve(import.meta.dirname, '../../..', '..');
let knowledge: Knowledge;

beforeAll(async () => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new CouncilLensDB('lookup-test');
  await loadDatasets(db, {
    councils: readFileSync(resolve(root, 'public/data/councils.json'), 'utf8'),
    services: readFileSync(resolve(root, 'public/data/services.json'), 'utf8'),
    seed: readFileSync(resolve(root, 'public/data/notices-seed.json'), 'utf8'),
    version: 'test',
  });
  knowledge = await buildKnowledge(db, createCouncilIndex);
});

function profile(slug: string, over: Partial<LinkedInProfileFacts> = {}): LinkedInProfileFacts {
  return {
    kind: 'linkedin-profile',
    pageId: slug,
    readVia: 'classic',
    name: 'Priya Sharma',
    headline: 'Head of Adult Social Care at Leeds City Council',
    employer: 'Leeds City Council',
    title: 'Head of Adult Social Care',
    experience: [
      { employer: 'Leeds City Council', title: 'Head of Adult Social Care', current: true, dates: 'Mar 2021 - Present' },
      { employer: 'Kirklees Council', title: 'Service Manager', current: false, dates: '2015 - 2021' },
      { employer: 'Capita', title: 'Consultant', current: false, dates: '2010 - 2015' },
    ],
    text: '',
    ...over,
  };
}

const url = (slug: string) => `https://www.linkedin.com/in/${slug}/`;

describe('lookupCouncil', () => {
  test('a council employee: the card, the past council, the person', () => {
    const ctx = lookupCouncil({ type: 'lookupCouncil', url: url('priya-sharma'), facts: profile('priya-sharma') }, 7, { knowledge, now: 5 });
    expect(ctx.status).toBe('council');
    expect(ctx.tabId).toBe(7);
    expect(ctx.updatedAt).toBe(5);
    expect(ctx.card?.code).toBe('LDS');
    expect(ctx.card?.typeLabel).toBe('Metropolitan borough (unitary: runs all local services)');
    expect(ctx.card?.combinedAuthority?.code).toBe('WYCA');
    expect(ctx.match).toEqual({ matchedText: 'Leeds City Council', former: null, source: 'employer', confidence: expect.any(Number) });
    expect(ctx.match!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(ctx.previously).toEqual([{ code: 'KIR', name: 'Kirklees Council' }]);
    expect(ctx.person).toEqual({ name: 'Priya Sharma', title: 'Head of Adult Social Care', employer: 'Leeds City Council' });
  });

  test('a district: county-run services name the county', () => {
    const facts = profile('grace-lee', { employer: 'Ashford Borough Council', experience: [] });
    const ctx = lookupCouncil({ type: 'lookupCouncil', url: url('grace-lee'), facts }, 1, { knowledge, now: 0 });
    expect(ctx.card?.code).toBe('ASF');
    expect(ctx.card?.parentCounty).toEqual({ code: 'KEN', name: 'Kent County Council' });
    const adult = ctx.card?.services.find((s) => s.id === 'adult-social-care');
    expect(adult).toMatchObject({ provision: 'none', providedBy: { code: 'KEN' } });
    expect(ctx.card?.services.find((s) => s.id === 'revenues-benefits')).toMatchObject({ provision: 'all', providedBy: null });
  });

  test('an abolished council: the card is today’s council and says what the page named', () => {
    const facts = profile('x', { employer: 'Harrogate Borough Council', experience: [] });
    const ctx = lookupCouncil({ type: 'lookupCouncil', url: url('x'), facts }, 1, { knowledge, now: 0 });
    expect(ctx.card?.code).toBe('NYE');
    expect(ctx.match?.former).toEqual({
      code: 'HAG',
      name: 'Harrogate Borough Council',
      endDate: '2023-04-01',
      successors: [{ code: 'NYE', name: 'North Yorkshire Council' }],
    });
  });

  test('not a council: no card', () => {
    const facts = profile('sam-hughes', { employer: 'Northwind Software Ltd', title: 'Account Executive', experience: [] });
    const ctx = lookupCouncil({ type: 'lookupCouncil', url: url('sam-hughes'), facts }, 1, { knowledge, now: 0 });
    expect(ctx.status).toBe('no-council');
    expect(ctx.card).toBeNull();
  });

  test('the visible-text fallback finds a council named with its designator', () => {
    const facts = profile('ali-khan', {
      readVia: 'text',
      employer: null,
      title: null,
      experience: [],
      text: 'Ali Khan\nProcurement Manager\nBristol City Council · Full-time\nPeople also viewed',
    });
    const ctx = lookupCouncil({ type: 'lookupCouncil', url: url('ali-khan'), facts }, 1, { knowledge, now: 0 });
    expect(ctx.card?.code).toBe('BST');
    expect(ctx.match?.source).toBe('text');
  });

  test('facts from another page (stale SPA read) are dropped rather than shown under this URL', () => {
    const ctx = lookupCouncil({ type: 'lookupCouncil', url: url('tom-okafor'), facts: profile('priya-sharma') }, 1, { knowledge, now: 0 });
    expect(ctx.status).toBe('unreadable');
    expect(ctx.card).toBeNull();
    expect(ctx.pageId).toBe('tom-okafor');
  });

  test('a new page view being read shows nothing of the last one', () => {
    const ctx = lookupCouncil({ type: 'lookupCouncil', url: url('tom-okafor'), facts: null, reading: true }, 1, { knowledge, now: 0 });
    expect(ctx.status).toBe('reading');
    expect(ctx.card).toBeNull();
  });

  test('pages no adapter reads are unsupported', () => {
    const ctx = lookupCouncil({ type: 'lookupCouncil', url: 'https://www.linkedin.com/feed/', facts: null }, 1, { knowledge, now: 0 });
    expect(ctx.status).toBe('unsupported');
  });

  test('a council company page', () => {
    const ctx = lookupCouncil(
      {
        type: 'lookupCouncil',
        url: 'https://www.linkedin.com/company/kent-county-council/',
        facts: { kind: 'linkedin-company', pageId: 'kent-county-council', readVia: 'sdui', companyName: 'Kent County Council', industry: 'Government Administration', text: '' },
      },
      1,
      { knowledge, now: 0 },
    );
    expect(ctx.card?.code).toBe('KEN');
    expect(ctx.card?.services.find((s) => s.id === 'waste')?.provision).toBe('part');
  });

  test('getCouncilCard by code, and null for an unknown code', () => {
    expect(getCouncilCard('GLA', knowledge)?.kind).toBe('combined-authority');
    expect(getCouncilCard('ZZZ', knowledge)).toBeNull();
  });
});
