import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { CouncilLensDB } from '@/entrypoints/background/db';
import { CONTENT_SCRIPT_MATCHES, type CallerEnv } from '@/entrypoints/background/handlers/callers';
import type { HandlerContext } from '@/entrypoints/background/handlers/context';
import { councilProcurement } from '@/entrypoints/background/handlers/council-procurement';
import { dispatch } from '@/entrypoints/background/handlers/dispatch';
import { buildKnowledge } from '@/entrypoints/background/knowledge';
import { loadDatasets } from '@/entrypoints/background/refresh/load-datasets';
import { createCouncilIndex } from '@/lib/councils/council-index';
import { councilSitePatterns } from '@/lib/councils/site-patterns';
import type { TabContext } from '@/lib/page-context';
import type { LinkedInProfileFacts } from '@/lib/sites/types';
import { councilsFile } from '../../../support/public-data';
import { freshIndexedDb } from '../../../support/sync-harness';
import { annotation, prospect } from '../../../lib/workspace/support';

const root = resolve(import.meta.dirname, '../../..', '..');
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const env: CallerEnv = { extensionOrigin: EXT, sites: { ...CONTENT_SCRIPT_MATCHES, 'council-site': councilSitePatterns(councilsFile.councils) } };
const PROFILE = 'https://www.linkedin.com/in/priya-sharma/';
const inTab = (id: number, url: string): Browser.runtime.MessageSender => ({ id: 'ours', url, tab: { id, index: 0, url } as Browser.tabs.Tab, frameId: 0 });
const linkedInTab = inTab(7, PROFILE);
const optionsPage: Browser.runtime.MessageSender = { id: 'ours', url: `${EXT}options.html` };

/** A context with only `parts`: a handler (or the dispatcher) reaching for anything else fails the test. */
function handBuilt(parts: Partial<HandlerContext>): HandlerContext {
  return new Proxy(parts, {
    get(target, key) {
      if (key in target) return target[key as keyof HandlerContext];
      throw new Error(`context.${String(key)} was used but not built for this test`);
    },
  }) as HandlerContext;
}

/** Facts as the LinkedIn profile adapter reads them (the shape of tests/entrypoints/background/handlers/lookup-council.test.ts's). */
const facts: LinkedInProfileFacts = {
  kind: 'linkedin-profile',
  pageId: 'priya-sharma',
  readVia: 'classic',
  name: 'Priya Sharma',
  headline: 'Head of Adult Social Care at Leeds City Council',
  employer: 'Leeds City Council',
  title: 'Head of Adult Social Care',
  experience: [{ employer: 'Leeds City Council', title: 'Head of Adult Social Care', current: true, dates: 'Mar 2021 - Present' }],
  text: '',
};

let db: CouncilLensDB;
beforeEach(() => {
  freshIndexedDb();
  db = new CouncilLensDB('dispatch-test');
});

describe('the envelope', () => {
  test('a malformed message is answered with what was wrong, and reaches no handler', async () => {
    expect(await dispatch({ type: 'deleteAllUserData', confirm: 'yes' }, optionsPage, handBuilt({}), env)).toEqual({ ok: false, error: expect.stringMatching(/^Invalid message: /) });
    expect(await dispatch({ type: 'noSuchRequest' }, optionsPage, handBuilt({}), env)).toEqual({ ok: false, error: expect.stringMatching(/^Invalid message: /) });
  });

  test('a message from a site we do not run on is refused', async () => {
    expect(await dispatch({ type: 'getStatus' }, inTab(4, 'https://www.example.org/'), handBuilt({}), env)).toEqual({
      ok: false,
      error: 'Council Lens refused getStatus: it came from neither a Council Lens page nor a page Council Lens reads.',
    });
  });

  test('a handler that fails answers its error, and the tab says it could not read the page', async () => {
    const publish = vi.fn(async (_context: TabContext | null, _tabId: number) => undefined);
    const context = handBuilt({
      queued: (_tabId, job) => job(),
      now: () => 1_000,
      getKnowledge: () => buildKnowledge(db, createCouncilIndex),
      publish,
    });
    expect(await dispatch({ type: 'lookupCouncil', url: PROFILE, facts }, linkedInTab, context, env)).toEqual({ ok: false, error: 'The council register is not loaded yet.' });
    expect(publish).toHaveBeenCalledWith(expect.objectContaining({ tabId: 7, status: 'unreadable', url: PROFILE }), 7);
  });
});

describe('a LinkedIn content script', () => {
  test('looks up its own page, and the answer is published for its own tab', async () => {
    await loadDatasets(db, {
      councils: readFileSync(resolve(root, 'public/data/councils.json'), 'utf8'),
      services: readFileSync(resolve(root, 'public/data/services.json'), 'utf8'),
      seed: readFileSync(resolve(root, 'public/data/notices-seed.json'), 'utf8'),
      version: 'test',
    });
    const knowledge = await buildKnowledge(db, createCouncilIndex);
    const publish = vi.fn(async (_context: TabContext | null, _tabId: number) => undefined);
    const context = handBuilt({
      queued: (_tabId, job) => job(),
      now: () => Date.parse('2026-12-01T09:00:00Z'),
      getKnowledge: async () => knowledge,
      procurementFor: (code, _context, _now) => councilProcurement(db, code, null, '2026-12-01', null),
      publish,
    });
    const answer = await dispatch({ type: 'lookupCouncil', url: PROFILE, facts }, linkedInTab, context, env);
    expect(answer).toMatchObject({ ok: true, value: { tabId: 7, status: 'council', card: { code: 'LDS' } } });
    expect(publish).toHaveBeenCalledWith(expect.objectContaining({ tabId: 7, url: PROFILE, status: 'council' }), 7);
  });

  test('may not look up another site’s page, nor delete the user’s data: refused, and nothing is lost', async () => {
    await db.annotations.put(annotation());
    await db.prospects.put(prospect());
    expect(await dispatch({ type: 'lookupCouncil', url: 'https://www.find-tender.service.gov.uk/Notice/002217-2025', facts: null }, linkedInTab, handBuilt({}), env)).toEqual({
      ok: false,
      error: 'Council Lens refused lookupCouncil from the linkedin content script: a page may only ask about itself.',
    });
    for (const message of [{ type: 'deleteAllUserData', confirm: 'delete' }, { type: 'exportWorkspace', format: 'json' }, { type: 'listWorkspace' }, { type: 'getTabContext', tabId: 8 }]) {
      expect(await dispatch(message, linkedInTab, handBuilt({ db }), env)).toEqual({
        ok: false,
        error: `Council Lens refused ${message.type} from the linkedin content script: it is not something that page asks for.`,
      });
    }
    expect([await db.annotations.count(), await db.prospects.count()]).toEqual([1, 1]);
  });
});

test('the workspace page may delete all the user’s data', async () => {
  await db.annotations.put(annotation());
  await db.prospects.put(prospect());
  const changed = vi.fn();
  const context = handBuilt({
    db,
    tabs: { get: async () => null, all: async () => [], delete: async () => undefined },
    session: { get: async () => ({}), remove: async () => undefined },
    publish: async () => undefined,
    workspaceChanged: changed,
    savingsChanged: changed,
  });
  const workspace = inTab(3, `${EXT}workspace.html`);
  expect(await dispatch({ type: 'deleteAllUserData', confirm: 'delete' }, workspace, context, env)).toEqual({ ok: true, value: { annotations: 1, prospects: 1, savings: 0 } });
  expect([await db.annotations.count(), await db.prospects.count()]).toEqual([0, 0]);
  expect(changed).toHaveBeenCalledTimes(2);
});

describe('content-script facts are bounded like the notice facts', () => {
  const entry = facts.experience[0]!;
  test.each([
    ['a 301-character name', { ...facts, name: 'x'.repeat(301) }],
    ['a 1,001-character headline', { ...facts, headline: 'x'.repeat(1001) }],
    ['a 501-character title', { ...facts, title: 'x'.repeat(501) }],
    ['a 501-character employer in an experience entry', { ...facts, experience: [{ ...entry, employer: 'x'.repeat(501) }] }],
    ['201 experience entries', { ...facts, experience: Array.from({ length: 201 }, () => entry) }],
    ['fallback text over the adapters’ 20,000-character cap', { ...facts, readVia: 'text', text: 'x'.repeat(20_001) }],
    ['a 301-character slug', { ...facts, pageId: 'x'.repeat(301) }],
    ['a company page’s 501-character name', { kind: 'linkedin-company', pageId: 'leeds-city-council', readVia: 'classic', companyName: 'x'.repeat(501), industry: null, text: '' }],
  ])('%s: refused before any handler runs', async (_name, tooLong) => {
    expect(await dispatch({ type: 'lookupCouncil', url: PROFILE, facts: tooLong }, linkedInTab, handBuilt({}), env)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Invalid message: Too big: expected (string|array) to have <=/),
    });
  });

  test('a page address over 8,192 characters: refused', async () => {
    const long = `${PROFILE}?q=${'x'.repeat(8_192)}`;
    expect(await dispatch({ type: 'lookupCouncil', url: long, facts: null }, linkedInTab, handBuilt({}), env)).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid message: /) });
    expect(await dispatch({ type: 'getSiteCouncils', url: `https://www.leeds.gov.uk/?q=${'x'.repeat(8_192)}` }, inTab(10, 'https://www.leeds.gov.uk/'), handBuilt({}), env)).toMatchObject({ ok: false });
  });
});
