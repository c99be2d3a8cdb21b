/**
 * OCDS releases from Contracts Finder, Find a Tender, Public Contracts Scotland and Sell2Wales ->
 * Notices (lib/ocds/notice.ts). Pure: no browser APIs, no I/O.
 *
 * Field mapping (evidence: the five real files in ../shared/data, described in ../shared/data/SOURCES.md;
 * Find a Tender from its API documentation, GET /api/1.0/ocdsReleasePackages, whose sample release
 * has the same EU-profile shape as the PCS and Sell2Wales files):
 *
 * | Notice                  | OCDS release field(s)                                                                  |
 * |-------------------------|----------------------------------------------------------------------------------------|
 * | ocid                    | `ocid`                                                                                 |
 * | source                  | ocid prefix: b5fd17 CF, h6vhtk FTS, r6ebe6 PCS, kuma6s S2W (lib/ocds/portals.ts)        |
 * | stage                   | most advanced `tag` of all releases (planning / tender* / award* / contract*)          |
 * | status                  | `tender.status` (OCDS codelist; CF's "InvalidStatus" is dropped, an earlier one kept) |
 * | title                   | `tender.title`, else `title` (CF planning releases carry both)                         |
 * | description             | `tender.description`, else release `description`, else first `tender.lots[].description` |
 * | buyer.name, id          | `buyer` joined with the party of that id (PCS/S2W have several parties with role buyer) |
 * | buyer.councilCode       | `GB-LAE-xxx` party id / identifier (CF only: IPS, DUR, DER, HAV), else `resolveCouncil` |
 * | buyer.contact, locality, postcode | buyer party `contactPoint` {name,email,telephone}, `address` {locality,postalCode} |
 * | cpv                     | `tender.classification.id` (CF), `tender.items[].additionalClassifications[].id` (PCS/S2W) |
 * | value, minValue         | `tender.value`, `tender.minValue` (CF ranges); else the sum of live awards' values    |
 * | publishedAt             | earliest `tender.datePublished` (CF extension) or release `date`                       |
 * | updatedAt               | latest release `date`                                                                  |
 * | tenderDeadline          | `tender.tenderPeriod.endDate`                                                          |
 * | contractPeriod          | live `awards[].contractPeriod` (CF), else `tender.contractPeriod` (CF), else `tender.lots[].contractPeriod` (PCS/S2W) |
 * | contractPeriod.maxEnd   | `maxExtentDate`, else end + months read from `lots[].renewal.description` (PCS/S2W)    |
 * | awards, suppliers       | `awards[]` merged by id; `awards[].suppliers[]` joined with `parties` (role supplier)  |
 * | supplier.companiesHouse | `GB-COH-<n>` party id or `identifier.scheme` GB-COH, padded to 8 characters           |
 * | procurementMethod       | `tender.procurementMethod` (+ `procurementMethodDetails`)                              |
 * | suitability             | `tender.suitability` {sme, vcse} (CF extension)                                        |
 * | regions                 | `tender.items[].deliveryAddresses[].region`: region names (CF), NUTS codes (PCS/S2W)   |
 * | noticeUrl               | CF `/Notice/<release id uuid>`; FTS `/Notice/<release id>`; PCS/S2W the `contractNotice` document URL (lib/ocds/portals.ts) |
 * | releaseIds              | `id` of every merged release (PCS releases have none)                                 |
 */
import { asArray, asObject, asObjects, asString, type JsonObject } from './json';
import { mergeReleases, type MergeOptions } from './merge';
import type { Notice, Source } from './notice';
import { sourceFromUrl } from './portals';
import { readRelease, type ReleaseFacts } from './release';

export interface Rejection {
  /**
   * Where the rejected item is: its position in `releases` (release package), in the array (bare
   * array), in `records` (record package), 0 for a single release or record. For a notice
   * rejected after merging, the last position among its releases.
   */
  index: number;
  reason: string;
  ocid?: string;
}

export interface ParseResult {
  notices: Notice[];
  rejected: Rejection[];
}

export type ParseOptions = MergeOptions;

interface Candidate {
  index: number;
  /** Undefined when the item is not an object. */
  release: JsonObject | undefined;
  /** Tags of a record's linked releases, for a compiled release tagged only `compiled`. */
  extraTags?: string[];
}

interface Shape {
  candidates: Candidate[];
  packageSource?: Source;
  rejected: Rejection[];
}

/** Whether a record's `releases` entry is a full release rather than a link ({url, date, tag}). */
function isFullRelease(release: JsonObject): boolean {
  return ['tender', 'awards', 'buyer', 'parties', 'planning', 'contracts'].some((key) => key in release);
}

function recordCandidates(record: JsonObject, index: number): Candidate[] | string {
  const recordOcid = asString(record['ocid']);
  const releases = asObjects(record['releases']);
  const full = releases.filter(isFullRelease);
  const withOcid = (release: JsonObject): JsonObject =>
    recordOcid !== undefined && asString(release['ocid']) === undefined ? { ...release, ocid: recordOcid } : release;
  if (full.length > 0) return full.map((release) => ({ index, release: withOcid(release) }));
  const compiled = asObject(record['compiledRelease']);
  if (!compiled) return 'record has neither full releases nor a compiledRelease';
  const extraTags = releases.flatMap((release) => asArray(release['tag']).filter((tag): tag is string => typeof tag === 'string'));
  return [{ index, release: withOcid(compiled), extraTags }];
}

function recordsShape(records: readonly unknown[], packageSource: Source | undefined): Shape {
  const candidates: Candidate[] = [];
  const rejected: Rejection[] = [];
  records.forEach((record, index) => {
    const recordObject = asObject(record);
    const result = recordObject ? recordCandidates(recordObject, index) : 'record is not an object';
    if (typeof result === 'string') rejected.push({ index, reason: result, ocid: asString(recordObject?.['ocid']) });
    else candidates.push(...result);
  });
  return { candidates, packageSource, rejected };
}

function releasesShape(releases: readonly unknown[], packageSource?: Source): Shape {
  return { candidates: releases.map((release, index) => ({ index, release: asObject(release) })), packageSource, rejected: [] };
}

/** The input's shape, or undefined when it is none of the accepted ones. */
function shapeOf(input: unknown): Shape | undefined {
  if (Array.isArray(input)) return releasesShape(input);
  const object = asObject(input);
  if (!object) return undefined;
  const uri = asString(object['uri']);
  const packageSource = uri === undefined ? undefined : sourceFromUrl(uri);
  const isSingle = 'ocid' in object;
  if (Array.isArray(object['records'])) return recordsShape(object['records'], packageSource);
  if (isSingle && (Array.isArray(object['releases']) || 'compiledRelease' in object)) return recordsShape([object], undefined);
  if (Array.isArray(object['releases'])) return releasesShape(object['releases'], packageSource);
  if (isSingle) return releasesShape([object]);
  return undefined;
}

/**
 * Parses OCDS data into Notices, one per ocid with all its releases merged.
 *
 * Accepts a release package (`{releases: [...]}`), a record package (`{records: [{ocid, releases?,
 * compiledRelease?}]}`), a bare array of releases, a single release or a single record. Never
 * throws: a release or notice that cannot be used is listed in `rejected` with the reason, and
 * input of none of these shapes gives one rejection at index 0. Linear in the input size.
 */
export function parseReleases(input: unknown, options: ParseOptions = {}): ParseResult {
  const shape = shapeOf(input);
  if (shape === undefined) {
    return { notices: [], rejected: [{ index: 0, reason: 'not an OCDS release package, record package, array of releases or release' }] };
  }
  const rejected = [...shape.rejected];
  const byOcid = new Map<string, ReleaseFacts[]>();
  for (const { index, release, extraTags } of shape.candidates) {
    if (release === undefined) {
      rejected.push({ index, reason: 'release is not an object' });
      continue;
    }
    const ocid = asString(release['ocid']);
    if (ocid === undefined) {
      rejected.push({ index, reason: 'no ocid' });
      continue;
    }
    const facts = readRelease(release, ocid, index, shape.packageSource);
    if (extraTags) facts.tags.push(...extraTags);
    const group = byOcid.get(ocid);
    if (group) group.push(facts);
    else byOcid.set(ocid, [facts]);
  }
  const notices: Notice[] = [];
  for (const [ocid, releases] of byOcid) {
    const result = mergeReleases(ocid, releases, options);
    if ('notice' in result) notices.push(result.notice);
    else rejected.push({ index: Math.max(...releases.map((release) => release.index)), reason: result.reason, ocid });
  }
  rejected.sort((a, b) => a.index - b.index);
  return { notices, rejected };
}
