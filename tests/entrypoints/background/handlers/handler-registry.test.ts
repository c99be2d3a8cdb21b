import { describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { handlers } from '@/entrypoints/background/handlers';
import { CONTENT_SCRIPT_MATCHES, identifyCaller, type Audience, type CallerEnv } from '@/entrypoints/background/handlers/callers';
import { refusal } from '@/entrypoints/background/handlers/dispatch';
import type { HandlerRegistry } from '@/entrypoints/background/handlers/handler';
import linkedInScript from '@/entrypoints/linkedin.content/index';
import noticesScript from '@/entrypoints/notices.content/index';
import { councilSitePatterns } from '@/lib/councils/site-patterns';
import { adapters } from '@/lib/sites/adapters';
import { matchesPattern } from '@/lib/sites/match-pattern';
import { RequestSchema, type Request } from '@/lib/protocol';
import { councilsFile } from '../../../support/public-data';

// ---- the compiler checks the registry (tsc --noEmit runs these lines; an unused @ts-expect-error fails it) ----

const { getStatus: _dropped, ...withoutGetStatus } = handlers;
// @ts-expect-error a request type with no handler does not typecheck
void (withoutGetStatus satisfies HandlerRegistry);

void ({
  ...handlers,
  // @ts-expect-error a handler answering the wrong shape does not typecheck (getStatus answers DatasetStatus)
  getStatus: { from: ['pages'], handle: async () => ({ councils: 'many' }) },
} satisfies HandlerRegistry);

void ({
  ...handlers,
  // @ts-expect-error a handler for another request's shape does not typecheck
  clearNotices: { from: ['pages'], handle: async (request: Extract<Request, { type: 'search' }>) => ({ removed: request.query.length }) },
} satisfies HandlerRegistry);

void ({
  ...handlers,
  // @ts-expect-error an entry without its senders does not typecheck
  listSavings: { handle: handlers.listSavings.handle },
} satisfies HandlerRegistry);

// ---- who may ask what --------------------------------------------------------------------------

/**
 * Who may send each request, written out here on purpose: a new registry entry fails the first
 * test until its senders are declared here too. From what each surface sends (the content scripts'
 * built bundles: LinkedIn sends lookupCouncil and, from the in-page card, getCouncilSpend and
 * openBusinessCase; the notice panel adds its annotation, insight and supplier references; the
 * council-site badge getSiteCouncils and the card's spend).
 */
const MAY_ASK: Record<Request['type'], readonly Audience[]> = {
  lookupCouncil: ['linkedin', 'notices'],
  getTabContext: ['pages'],
  getCouncilCard: ['pages'],
  getStatus: ['pages'],
  getSyncStatus: ['pages'],
  clearNotices: ['pages'],
  beginSnapshotLoad: ['pages'],
  storeSnapshotLines: ['pages'],
  finishSnapshotLoad: ['pages'],
  endSnapshotLoad: ['pages'],
  getLoadedSnapshot: ['pages'],
  refreshNow: ['pages'],
  setHistory: ['pages'],
  listSavings: ['pages'],
  importSavings: ['pages'],
  exportSavings: ['pages'],
  saveSavingsItem: ['pages'],
  deleteSavingsItem: ['pages'],
  getSavingsDraft: ['pages'],
  listCouncils: ['pages'],
  getTiming: ['pages'],
  getAnnotation: ['pages', 'notices'],
  editAnnotation: ['pages', 'notices'],
  getProspect: ['pages'],
  editProspect: ['pages'],
  deleteWorkspaceRecord: ['pages'],
  listWorkspace: ['pages'],
  exportWorkspace: ['pages'],
  importWorkspace: ['pages'],
  deleteAllUserData: ['pages'],
  getNoticeInsight: ['pages', 'notices'],
  search: ['pages'],
  supplierReferences: ['pages', 'notices'],
  getSiteCouncils: ['pages', 'council-site'],
  openReferences: ['pages', 'notices'],
  getCouncilSpend: ['pages', 'linkedin', 'notices', 'council-site'],
  openBusinessCase: ['pages', 'linkedin', 'notices', 'council-site'],
};

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const env: CallerEnv = { extensionOrigin: EXT, sites: { ...CONTENT_SCRIPT_MATCHES, 'council-site': councilSitePatterns(councilsFile.councils) } };
const tab = (id: number, url: string) => ({ id, index: 2, url }) as Browser.tabs.Tab;
/** A content script's message from the top frame of a tab showing `url`. */
const inTab = (id: number, url: string): Browser.runtime.MessageSender => ({ id: 'ours', url, tab: tab(id, url), frameId: 0 });

/** One sender from each place a message can come from, and who the background takes it to be. */
const SENDERS: readonly { name: string; sender: Browser.runtime.MessageSender; is: Audience | null }[] = [
  { name: 'the options page, open in a tab', sender: inTab(3, `${EXT}options.html`), is: 'pages' },
  { name: 'the side panel (no tab)', sender: { id: 'ours', url: `${EXT}sidepanel.html?tab=7` }, is: 'pages' },
  { name: 'a LinkedIn profile tab', sender: inTab(7, 'https://www.linkedin.com/in/priya-sharma/'), is: 'linkedin' },
  { name: 'a Contracts Finder notice tab', sender: inTab(8, 'https://www.contractsfinder.service.gov.uk/Notice/fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38'), is: 'notices' },
  { name: 'a Find a Tender notice tab', sender: inTab(9, 'https://www.find-tender.service.gov.uk/Notice/002217-2025'), is: 'notices' },
  { name: 'a council website tab', sender: inTab(10, 'https://www.leeds.gov.uk/your-council/budget-and-spending'), is: 'council-site' },
  { name: 'a foreign site tab', sender: inTab(11, 'https://www.example.org/in/priya-sharma/'), is: null },
];

/** A request of `type` about the sender's own page (the `about` address is all the check reads of it). */
const about = (type: Request['type'], sender: Browser.runtime.MessageSender) => ({ type, url: sender.url, noticeUrl: sender.url }) as Request;

test('every request type has one registry entry and a row in the table above', () => {
  const types = RequestSchema.options.map((option) => option.shape.type.value).sort();
  expect(Object.keys(handlers).sort()).toEqual(types);
  expect(Object.keys(MAY_ASK).sort()).toEqual(types);
  for (const type of types) expect([...handlers[type].from].sort(), type).toEqual([...MAY_ASK[type]].sort());
});

describe.each(SENDERS)('from $name', ({ sender, is }) => {
  test('the background knows who sent it', () => {
    expect(identifyCaller(sender, env)?.from ?? null).toBe(is);
  });

  test.each(Object.keys(MAY_ASK) as Request['type'][])('%s', (type) => {
    const refused = refusal(about(type, sender), identifyCaller(sender, env));
    if (is !== null && MAY_ASK[type].includes(is)) expect(refused).toBeNull();
    else expect(refused).toMatch(new RegExp(`^Council Lens refused ${type}`));
  });
});

describe('who a sender is', () => {
  test.each([
    ['a LinkedIn page in a subframe', { ...inTab(7, 'https://www.linkedin.com/in/priya-sharma/'), frameId: 3 }],
    ['an extension page claimed by a tab showing another site', { id: 'ours', url: `${EXT}workspace.html`, tab: tab(7, 'https://www.linkedin.com/feed/') }],
    ['a content script with no tab', { id: 'ours', url: 'https://www.linkedin.com/in/priya-sharma/' }],
    ['a sender without an address', { id: 'ours', tab: tab(7, 'https://www.linkedin.com/in/priya-sharma/') }],
    ['a look-alike host', inTab(7, 'https://www.linkedin.com.example.org/in/priya-sharma/')],
    ['a look-alike council domain', inTab(7, 'https://www.notleeds.gov.uk/')],
  ] satisfies [string, Browser.runtime.MessageSender][])('%s is nobody we answer', (_name, sender) => {
    expect(identifyCaller(sender, env)).toBeNull();
  });

  test('every page a content script runs on is taken as that script’s site', () => {
    // The content scripts' own matches (the manifest's), tried on every adapter's test URLs.
    for (const [site, script] of [['linkedin', linkedInScript], ['notices', noticesScript]] as const) {
      for (const pattern of (script.matches as string[] | undefined) ?? []) {
        const covered = adapters.flatMap((adapter) => adapter.testUrls).filter((url) => matchesPattern(pattern, new URL(url)));
        expect(covered.length, `${site}: ${pattern}`).toBeGreaterThan(0);
        for (const url of covered) expect(identifyCaller(inTab(1, url), env)?.from, url).toBe(site);
      }
    }
  });
});

describe('a content script asks only about its own tab', () => {
  const linkedIn = identifyCaller(inTab(7, 'https://www.linkedin.com/in/priya-sharma/'), env);
  const lookup = (url: string) => ({ type: 'lookupCouncil', url, facts: null }) as const;

  test.each([
    ['the same page', 'https://www.linkedin.com/in/priya-sharma/'],
    ['with a query and fragment', 'https://www.linkedin.com/in/priya-sharma/?originalSubdomain=uk#experience'],
    // After history.pushState the frame's URL (and, for a moment, the tab's) is still the old page.
    ['the page an SPA navigation just went to', 'https://www.linkedin.com/in/sam-hughes/'],
  ])('%s: answered', (_name, url) => {
    expect(refusal(lookup(url), linkedIn)).toBeNull();
  });

  test.each([
    ['the same path on another host', 'https://www.example.org/in/priya-sharma/'],
    ['the same host over another scheme', 'http://www.linkedin.com/in/priya-sharma/'],
    ['a notice page', 'https://www.find-tender.service.gov.uk/Notice/002217-2025'],
    ['no address at all', 'not a url'],
  ])('%s: refused', (_name, url) => {
    expect(refusal(lookup(url), linkedIn)).toBe('Council Lens refused lookupCouncil from the linkedin content script: a page may only ask about itself.');
  });

  test('the notice panel’s insight and the council-site badge likewise; an extension page may ask about any page', () => {
    const notice = identifyCaller(inTab(9, 'https://www.find-tender.service.gov.uk/Notice/002217-2025'), env);
    const insight = (noticeUrl: string) => ({ type: 'getNoticeInsight', council: null, ocid: null, noticeUrl, serviceGroup: null }) as const;
    expect(refusal(insight('https://www.find-tender.service.gov.uk/Notice/002217-2025'), notice)).toBeNull();
    expect(refusal(insight('https://www.contractsfinder.service.gov.uk/Notice/fd63bc1b-c8c6-46a2-9df9-c07a0d3d1d38'), notice)).not.toBeNull();
    const council = identifyCaller(inTab(10, 'https://www.leeds.gov.uk/'), env);
    expect(refusal({ type: 'getSiteCouncils', url: 'https://www.leeds.gov.uk/your-council' }, council)).toBeNull();
    expect(refusal({ type: 'getSiteCouncils', url: 'https://www.kent.gov.uk/' }, council)).not.toBeNull();
    const popup = identifyCaller({ id: 'ours', url: `${EXT}popup.html` }, env);
    expect(refusal({ type: 'getSiteCouncils', url: 'https://www.kent.gov.uk/' }, popup)).toBeNull();
  });
});
