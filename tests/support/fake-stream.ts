/**
 * A multi-year Find a Tender stream at the real volume and shape, generated from the REAL stream
 * of one day: the 459 releases of 2026-08-10 in ../shared/data/find-a-tender-2026/
 * fts_ocds_backfill_2026-08-10_page-001..005.json (SOURCES.md §7; Procurement Act and old-regime
 * notices, planning to contract termination, 438 processes).
 *
 * Every day of the stream is a deterministic copy of part of that day:
 * - how many: `releasesPerDay` on average (default 370, the measured rate), 1.24 times that on
 *   weekdays and 0.4 times on weekends; more than 459 reuses the day's releases again;
 * - which: a run of consecutive releases of 2026-08-10 starting at an offset hashed from the date,
 *   so some updates come without the notice they update, as in a real window;
 * - ids shifted: each process gets its own ocid per day, `ocds-h6vhtk-<hex of day*1024 + n>`, and
 *   each release a notice id `<6 digits>-<year>` unique in its year (day of year * 1000 + n); the
 *   Find a Tender notice URLs follow;
 * - dates shifted: every date in the release moves by the days from 2026-08-10 (time and zone
 *   kept); the release `date` keeps its London wall-clock time on its new day, with that day's
 *   London offset (`+00:00` in winter), as the live API writes it;
 * - council buyers rotated: the real day has 92 council buyers, where a real year has nearly every
 *   council (each must publish its above-threshold procurements here). On each day, each council
 *   buyer of the template (its name as a whole JSON string: the buyer and its party) becomes a
 *   current council of the register picked by a hash of the day and the name, under that council's
 *   official name. Other buyers, and everything else in the release, stay as published.
 * Releases are kept as JSON text so a page is served without serialising a year of objects.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '@/lib/dataset/read-inputs';
import { fromLondonWallTime, londonOffset, londonWallTime } from '@/lib/sync/london-time';
import { councilsFile } from './public-data';
import { resolveCouncil } from './sync-harness';
import { shiftDate } from './time-shift';

type Json = Record<string, unknown>;

export interface StreamRelease {
  /** The release date (epoch ms). */
  at: number;
  /** Order among releases of the same second: higher is newer. */
  seq: number;
  ocid: string;
  id: string;
  /** The release as JSON text. */
  text: string;
}

export interface FakeStream {
  /** The package header served with every page (the real 2026 pages' header). */
  header: Json;
  /** Releases dated in `[from, to]` (epoch ms, inclusive), newest first. */
  between(from: number, to: number): StreamRelease[];
}

export interface StreamOptions {
  /** Average releases a day (default 370, the live API's measured rate). */
  releasesPerDay?: number;
  /** No release before this instant (epoch ms). */
  start?: number;
  /** No release after this instant (epoch ms). */
  end: number;
  /** Rotate council buyers across the register day by day (default true; false: the template day's 92 every day). */
  rotateCouncilBuyers?: boolean;
}

const TEMPLATE_DAY = '2026-08-10';
const DAY = 86_400_000;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?=T\d{2}:\d{2}|\b)/g;

export const TEMPLATE_FILES = [1, 2, 3, 4, 5].map((n) => `find-a-tender-2026/fts_ocds_backfill_2026-08-10_page-00${n}.json`);

interface Template {
  ocid: string;
  id: string;
  /** The buyer's name when it is a council (rotated day by day). */
  councilBuyer?: string;
  /** London wall-clock time of the release, `HH:MM:SS`. */
  wall: string;
  text: string;
}

let templates: { header: Json; releases: Template[] } | undefined;
/** The register's current councils' official names: what a rotated council buyer becomes. */
const currentCouncils = councilsFile.councils.filter((c) => c.current && c.kind === 'council').map((c) => c.officialName);

/** The real 2026-08-10 stream, oldest first. */
function loadTemplates(): { header: Json; releases: Template[] } {
  if (templates) return templates;
  let header: Json = {};
  const releases: Template[] = [];
  for (const file of TEMPLATE_FILES) {
    const { releases: list, links: _links, ...rest } = JSON.parse(readFileSync(path.join(sharedDir(), 'data', file), 'utf8')) as Json;
    header = rest;
    for (const release of list as Json[]) {
      const date = String(release['date']);
      const buyer = (release['buyer'] as { name?: unknown } | undefined)?.name;
      const councilBuyer = typeof buyer === 'string' && resolveCouncil(buyer) ? buyer : undefined;
      releases.push({ ocid: String(release['ocid']), id: String(release['id']), wall: londonWallTime(Date.parse(date)).slice(11), text: JSON.stringify(release), ...(councilBuyer ? { councilBuyer } : {}) });
    }
  }
  releases.reverse();
  templates = { header, releases };
  return templates;
}

/** The real releases the stream is made from (deep copies, newest first as served). */
export function templateReleases(): Json[] {
  return loadTemplates()
    .releases.map((t) => JSON.parse(t.text) as Json)
    .reverse();
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One day's releases (a London calendar day), newest first. */
function generateDay(day: string, releasesPerDay: number, rotate: boolean): StreamRelease[] {
  const { releases } = loadTemplates();
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const count = Math.round(releasesPerDay * (weekday === 0 || weekday === 6 ? 0.4 : 1.24));
  const shift = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${TEMPLATE_DAY}T00:00:00Z`)) / DAY);
  const dayNumber = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY);
  const dayOfYear = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${day.slice(0, 4)}-01-01T00:00:00Z`)) / DAY) + 1;
  const offset = hash(day) % releases.length;
  const ocids = new Map<string, string>();
  const out: StreamRelease[] = [];
  for (let k = 0; k < count; k++) {
    const template = releases[(offset + k) % releases.length]!;
    const round = Math.floor((offset + k) / releases.length);
    const ocidKey = `${round}|${template.ocid}`;
    let ocid = ocids.get(ocidKey);
    if (!ocid) {
      ocid = `ocds-h6vhtk-${(dayNumber * 1024 + ocids.size).toString(16).padStart(6, '0')}`;
      ocids.set(ocidKey, ocid);
    }
    const id = `${String(dayOfYear * 1000 + k).padStart(6, '0')}-${day.slice(0, 4)}`;
    const at = fromLondonWallTime(`${day}T${template.wall}`);
    const date = `${londonWallTime(at)}${londonOffset(at)}`;
    let text = template.text;
    if (rotate && template.councilBuyer) {
      const to = currentCouncils[hash(`${day}|${template.councilBuyer}`) % currentCouncils.length]!;
      text = text.split(JSON.stringify(template.councilBuyer)).join(JSON.stringify(to));
    }
    text = text
      .replace(ISO_DATE, (whole) => shiftDate(whole, shift))
      .replace(new RegExp(escapeRegExp(template.ocid), 'g'), ocid)
      .replace(new RegExp(escapeRegExp(template.id), 'g'), id)
      .replace(/"date":"[^"]*"/, `"date":"${date}"`);
    out.push({ at, seq: k, ocid, id, text });
  }
  return out.sort((a, b) => b.at - a.at || b.seq - a.seq);
}

/** The London calendar day of an instant, `YYYY-MM-DD`. */
function londonDay(ms: number): string {
  return londonWallTime(ms).slice(0, 10);
}

/** A generated Find a Tender stream (see the first comment). */
export function findATenderStream(options: StreamOptions): FakeStream {
  const releasesPerDay = options.releasesPerDay ?? 370;
  const start = options.start ?? Number.NEGATIVE_INFINITY;
  const days = new Map<string, StreamRelease[]>();
  const MAX_DAYS_CACHED = 12;
  const dayReleases = (day: string): StreamRelease[] => {
    let list = days.get(day);
    if (!list) {
      list = generateDay(day, releasesPerDay, options.rotateCouncilBuyers ?? true);
      days.set(day, list);
      if (days.size > MAX_DAYS_CACHED) days.delete(days.keys().next().value!);
    }
    return list;
  };
  return {
    header: loadTemplates().header,
    between(from, to) {
      const lo = Math.max(from, start);
      const hi = Math.min(to, options.end);
      if (!(lo <= hi)) return [];
      const out: StreamRelease[] = [];
      // London days from the newest down; a day's releases are all dated on it (London time).
      let day = londonDay(hi);
      const first = londonDay(lo);
      for (;;) {
        for (const release of dayReleases(day)) if (release.at >= lo && release.at <= hi) out.push(release);
        if (day <= first) break;
        day = shiftDate(day, -1);
      }
      return out;
    },
  };
}
