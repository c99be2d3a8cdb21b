import { parseReleases } from '@/lib/ocds/parse-releases';
import type { Notice } from '@/lib/ocds/notice';
import { isObject } from '@/lib/sync/walk-source';

/**
 * A page's releases -> notices, including releases that cannot make a notice on their own.
 *
 * Find a Tender publishes updates as deltas: "an update release carries only its delta" and
 * `buyer` is missing from about 2 % of releases (measured on the live API, 1,693 of 1,735), so
 * `parseReleases` rejects such a release ("no buyer name", or "no title and no description") when
 * the rest of its process is not on the same page. Such releases are:
 * - completed from the cached row of their process (its buyer and title), when there is one, and
 *   parsed again, so their facts (an award's value, a new status) still reach the row;
 * - else kept as pending (stored with the cursor, so a resumed run has them) until a later page
 *   of the same window brings the process: pages come newest first, so an update is read before
 *   the notice it updates. Pending releases whose process never comes are dropped with the window.
 */

type Json = Record<string, unknown>;

/** Rejections a process's other releases can make good. */
const INCOMPLETE = new Set(['no buyer name', 'no title and no description']);
/** Most pending releases kept per source: a bound on the cursor row's size. */
export const MAX_PENDING = 500;

export interface ParsedPage {
  notices: Notice[];
  /** Releases of processes that made no notice for want of a buyer or title, by ocid. */
  incomplete: Map<string, Json[]>;
}

/** Parses the page's releases together with the window's pending ones. */
export function parsePage(json: Json, pending: readonly unknown[], resolveCouncil: (name: string) => string | null): ParsedPage {
  const releases = [...pending.filter(isObject), ...(Array.isArray(json['releases']) ? json['releases'] : []).filter(isObject)];
  // The package header stays: its `uri` names the portal when an ocid prefix does not.
  const { notices, rejected } = parseReleases({ ...json, releases }, { resolveCouncil });
  const incomplete = new Map<string, Json[]>();
  for (const { ocid, reason } of rejected) {
    if (ocid === undefined || !INCOMPLETE.has(reason) || incomplete.has(ocid)) continue;
    incomplete.set(
      ocid,
      releases.filter((release) => release['ocid'] === ocid),
    );
  }
  return { notices, incomplete };
}

/** A release with the buyer and title of its cached process filled in where it has none. */
function completed(release: Json, process: Notice): Json {
  const out: Json = { ...release };
  const buyer = isObject(release['buyer']) ? release['buyer'] : undefined;
  if (!buyer || typeof buyer['name'] !== 'string' || buyer['name'].trim() === '') {
    out['buyer'] = { ...(buyer ?? {}), name: process.buyer.name, ...(process.buyer.id === undefined ? {} : { id: process.buyer.id }) };
  }
  const tender = isObject(release['tender']) ? release['tender'] : {};
  if (typeof tender['title'] !== 'string' || tender['title'].trim() === '') out['tender'] = { ...tender, title: process.title };
  return out;
}

/**
 * Completes the incomplete processes that are cached; the others become pending (up to
 * {@link MAX_PENDING} releases, newest pages' first).
 */
export function completeFromCache(
  json: Json,
  incomplete: ReadonlyMap<string, Json[]>,
  cached: ReadonlyMap<string, Notice>,
  resolveCouncil: (name: string) => string | null,
): { notices: Notice[]; pending: Json[] } {
  const fixable: Json[] = [];
  const pending: Json[] = [];
  for (const [ocid, releases] of incomplete) {
    const process = cached.get(ocid);
    if (process) fixable.push(...releases.map((release) => completed(release, process)));
    else pending.push(...releases);
  }
  const notices = fixable.length === 0 ? [] : parseReleases({ ...json, releases: fixable }, { resolveCouncil }).notices;
  return { notices, pending: pending.slice(0, MAX_PENDING) };
}
