import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { COUNCIL_SITE_SCRIPT_ID, councilSiteMatches, createCouncilSiteScripts, type CouncilSiteDeps } from '@/entrypoints/background/council-sites';
import { getCouncilCard } from '@/entrypoints/background/handlers/get-council-card';
import { getSiteCouncils } from '@/entrypoints/background/handlers/site-councils';
import { buildKnowledge, type Knowledge } from '@/entrypoints/background/knowledge';
import { loadDatasets } from '@/entrypoints/background/refresh/load-datasets';
import { createCouncilIndex } from '@/lib/councils/council-index';
import { CouncilsFileSchema } from '@/lib/councils/schema';
import { councilSitePatterns } from '@/lib/councils/site-patterns';
import { freshIndexedDb } from '../../../support/sync-harness';

const root = resolve(import.meta.dirname, '../../..', '..');
const councilsJson = readFileSync(resolve(root, 'public/data/councils.json'), 'utf8');
const councils = CouncilsFileSchema.parse(JSON.parse(councilsJson)).councils;
const withHomepage = councils.filter((c) => c.domain);
let knowledge: Knowledge;

beforeAll(async () => {
  freshIndexedDb();
  const db = new CouncilLensDB('site-councils-test');
  await loadDatasets(db, {
    councils: councilsJson,
    services: readFileSync(resolve(root, 'public/data/services.json'), 'utf8'),
    seed: readFileSync(resolve(root, 'public/data/notices-seed.json'), 'utf8'),
    version: 'test',
  });
  knowledge = await buildKnowledge(db, createCouncilIndex);
});

const codes = (url: string) => getSiteCouncils(url, knowledge).map((card) => card.code);

describe('getSiteCouncils with the real register', () => {
  test.each([
    ['https://www.leeds.gov.uk/your-council/budget-and-spending', ['LDS']],
    ['https://democracy.leeds.gov.uk/ieListMeetings.aspx?CId=102', ['LDS']],
    ['http://leeds.gov.uk/', ['LDS']],
    ['https://WWW.LEEDS.GOV.UK./', ['LDS']],
    // One site, two councils (shared service): both, by name.
    ['https://www.adur-worthing.gov.uk/bins-and-recycling/', ['ADU', 'WOT']],
    // Homepages outside gov.uk.
    ['https://www.derrystrabane.com/council', ['DRS']],
    ['https://www.midulstercouncil.org/', ['MUL']],
    ['https://www.gwynedd.llyw.cymru/en/Residents', ['GWN']],
    // The register's homepage is on a subdomain (new.devon.gov.uk); the rest of the site counts too.
    ['https://www.devon.gov.uk/', ['DEV']],
  ])('%s -> %j', (url, expected) => {
    expect(codes(url)).toEqual(expected);
  });

  test.each([
    'https://www.gov.uk/find-local-council',
    'https://www.linkedin.com/company/leeds-city-council/',
    'https://www.contractsfinder.service.gov.uk/Notice/abc',
    'https://leeds.example.com/',
    'https://example.org/',
    'chrome://extensions/',
    'file:///home/me/leeds.gov.uk.html',
    'not a url',
  ])('not a council site: %s', (url) => {
    expect(codes(url)).toEqual([]);
  });

  test(`every homepage in the register (${withHomepage.length}) gives its council`, () => {
    expect(withHomepage.length).toBeGreaterThan(370);
    const missing = withHomepage.filter((c) => !codes(c.homepage ?? `https://www.${c.domain}/`).includes(c.code));
    expect(missing.map((c) => c.code)).toEqual([]);
  });

  test('gives the same card as getCouncilCard', () => {
    expect(getSiteCouncils('https://www.adur-worthing.gov.uk/', knowledge)).toEqual([getCouncilCard('ADU', knowledge), getCouncilCard('WOT', knowledge)]);
  });
});

describe('councilSitePatterns (the optional host permissions)', () => {
  const patterns = councilSitePatterns(councils);
  const matchers = patterns.map((p) => new MatchPattern(p));
  const allowed = (url: string) => matchers.some((m) => m.includes(url));

  test('one pattern per site, shared sites once', () => {
    expect(patterns.length).toBe(new Set(patterns).size);
    expect(patterns.length).toBeGreaterThan(370);
    expect(patterns.filter((p) => p.includes('adur-worthing'))).toEqual(['*://*.adur-worthing.gov.uk/*']);
    expect(patterns).toContain('*://*.devon.gov.uk/*');
  });

  test('every council homepage, its bare domain and its subdomains are covered', () => {
    const uncovered = withHomepage.filter((c) => !allowed(c.homepage!) || !allowed(`http://${c.domain}/`));
    expect(uncovered.map((c) => c.homepage)).toEqual([]);
    expect(allowed('https://democracy.leeds.gov.uk/x')).toBe(true);
  });

  test.each(['https://www.linkedin.com/', 'https://www.gov.uk/', 'https://notleeds.gov.uk/', 'https://leeds.gov.uk.example.com/'])('does not cover %s', (url) => {
    expect(allowed(url)).toBe(false);
  });

  test('the manifest declares exactly these, as optional, with scripting', async () => {
    const config = (await import('@/wxt.config')).default as { manifest: (env: { browser: string }) => Record<string, unknown> };
    const manifest = config.manifest({ browser: 'chrome' });
    expect(manifest.optional_host_permissions).toEqual(patterns);
    expect(manifest.permissions).toContain('scripting');
    expect(manifest.host_permissions).not.toContain('*://*.leeds.gov.uk/*');
  });
});

describe('council-site script registration', () => {
  const declared = ['*://*.leeds.gov.uk/*', '*://*.adur-worthing.gov.uk/*'];

  test.each([
    [true, declared, declared],
    [true, ['*://www.linkedin.com/*', '*://*.leeds.gov.uk/*'], ['*://*.leeds.gov.uk/*']],
    [false, declared, []],
    [true, [], []],
  ])('enabled %s, granted %j -> %j', (enabled, granted, expected) => {
    expect(councilSiteMatches(enabled, granted, declared)).toEqual(expected);
  });

  function stub(state: { enabled: boolean; granted: string[] }) {
    const registered = new Map<string, { id: string; matches?: string[] }>();
    const scripting = {
      getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) => [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id))),
      registerContentScripts: vi.fn(async (scripts: { id: string; matches?: string[] }[]) => {
        await new Promise((r) => setTimeout(r, 5));
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      }),
      unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
        for (const id of filter?.ids ?? []) registered.delete(id);
      }),
    };
    const deps = {
      enabled: async () => state.enabled,
      granted: async () => state.granted,
      declared: () => declared,
      scripting,
    } as unknown as CouncilSiteDeps;
    return { registered, scripting, deps };
  }

  test('registers for the granted sites, replaces on change and unregisters when turned off', async () => {
    const state = { enabled: true, granted: declared };
    const { registered, deps } = stub(state);
    const scripts = createCouncilSiteScripts(deps);
    expect(await scripts.sync()).toEqual(declared);
    expect(registered.get(COUNCIL_SITE_SCRIPT_ID)).toMatchObject({ matches: declared, js: ['content-scripts/council-site.js'], persistAcrossSessions: true });
    state.granted = [declared[0]!];
    await scripts.sync();
    expect(registered.get(COUNCIL_SITE_SCRIPT_ID)?.matches).toEqual([declared[0]]);
    state.enabled = false;
    expect(await scripts.sync()).toEqual([]);
    expect(registered.size).toBe(0);
  });

  test('open council tabs get the script once, when it is turned on; a restarted worker with nothing changed does no work', async () => {
    const state = { enabled: true, granted: declared };
    const { registered, scripting, deps } = stub(state);
    const injected: string[][] = [];
    const withInject = { ...deps, injectOpenTabs: async (matches: string[]) => void injected.push(matches) } as CouncilSiteDeps;
    await createCouncilSiteScripts(withInject).sync();
    expect(injected).toEqual([declared]);
    // A new worker (the registration persisted, its memory did not): same sites, so no re-registration and no injection.
    await createCouncilSiteScripts(withInject).sync();
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(scripting.unregisterContentScripts).not.toHaveBeenCalled();
    expect(injected).toHaveLength(1);
    expect(registered.get(COUNCIL_SITE_SCRIPT_ID)?.matches).toEqual(declared);
    // Fewer sites granted: re-registered, but those tabs were already served.
    state.granted = [declared[0]!];
    await createCouncilSiteScripts(withInject).sync();
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(2);
    expect(injected).toHaveLength(1);
  });

  test('overlapping updates (start-up, onAdded, the option) run one at a time', async () => {
    const { registered, deps } = stub({ enabled: true, granted: declared });
    const scripts = createCouncilSiteScripts(deps);
    const runs = await Promise.all([scripts.sync(), scripts.sync(), scripts.sync()]);
    expect(runs).toEqual([declared, declared, declared]);
    expect(registered.size).toBe(1);
  });
});
