import type { Council } from '@/lib/councils/schema';
import type { Award, ContractPeriod, Notice, Source, Stage, Supplier, TenderStatus } from '@/lib/ocds/notice';
import { rng } from '../../support/rng';

/**
 * Deterministic notice generator for the notices-cache benchmark: N notices shaped like the real
 * ones, built by varying real parsed notices (the templates: every notice `parseReleases` reads
 * from the OCDS files in ../shared/data) with a seeded PRNG.
 *
 * Kept from the template: title, description, CPV codes and service groups (they agree with the
 * text), procurement method, buyer contact, and for Scotland and Wales the NUTS regions. Drawn
 * afresh: the ocid and notice URL (in each portal's real format, lib/ocds/portals.ts), the buyer
 * (a current council from public/data/councils.json, busier in proportion to population and tier,
 * times a per-council factor), the portal (by the council's nation), stage and status, every date
 * (consistent within a process, and with what the cache keeps: see {@link CacheShape}), value, and
 * suppliers (real ones from the fixtures plus made-up ones, drawn Zipf-like so a few win a lot).
 *
 * Notice `i` depends only on (seed, i), so chunks can be generated one at a time, in any order.
 */

type Random = () => number;

const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function weighted<T>(r: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [value, w] of table) {
    x -= w;
    if (x < 0) return value;
  }
  return table[table.length - 1]![0];
}

/** Standard normal (Box-Muller). */
function normal(r: Random): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/** Sampling from fixed weights in O(log n): cumulative sums and a binary search. */
class Sampler<T> {
  private readonly cumulative: number[] = [];
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
  }
  draw(r: Random): T {
    const x = r() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

const DAY_MS = 86_400_000;
const instant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const hex = (r: Random, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');

/** Spend per head differs by tier: counties and unitaries buy social care, highways and waste disposal; districts much less. */
const TIER_FACTOR: Record<Council['tier'], number> = { upper: 3, unitary: 2.5, lower: 0.6, 'ni-district': 0.8, combined: 1 };

/** Which portal a council's notices come from: Find a Tender above the thresholds, else its nation's portal. */
const PORTALS: Record<Council['nation'], readonly (readonly [Source, number])[]> = {
  England: [['contracts-finder', 65], ['find-a-tender', 35]],
  Scotland: [['public-contracts-scotland', 75], ['find-a-tender', 25]],
  Wales: [['sell2wales', 75], ['find-a-tender', 25]],
  'Northern Ireland': [['find-a-tender', 100]],
};

/**
 * What the cache holds. `retained`: what it can hold in steady state under the sync's retention
 * rules (entrypoints/background/refresh/sync/retention.ts: a tender goes 90 days after its deadline,
 * a contract 2 years after its end with extensions), so tenders are few and recent, and contracts
 * many. `everything`: six years of notices as published, nothing removed, a heavier cache for the
 * card's tender query.
 */
export type CacheShape = 'retained' | 'everything';

const STAGES: Record<CacheShape, readonly (readonly [Stage, number])[]> = {
  // Tender notices stay ~4 months (deadline + 90 days), contracts ~5 years (term + 2 years): about 1 in 10 retained rows is a tender.
  retained: [['planning', 3], ['tender', 12], ['award', 65], ['contract', 20]],
  everything: [['planning', 5], ['tender', 45], ['award', 38], ['contract', 12]],
};
const TENDER_GRACE_DAYS = 90;
const CONTRACT_KEEP_YEARS = 2;
const TENDER_STATUSES: readonly (readonly [TenderStatus, number])[] = [['active', 92], ['cancelled', 4], ['withdrawn', 1], ['unsuccessful', 1], ['complete', 2]];
const CONTRACT_YEARS = [1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 7, 10] as const;
const EXTENSION_NOTES = [
  'Option to extend for up to 24 months in 12 month extensions',
  'Up to a further 2 x 12 month periods',
  'The contract may be extended by up to 36 months at the discretion of the Council',
] as const;
const COMPANY_SUFFIXES = ['Ltd', 'Limited', 'Ltd', 'Limited', 'LLP', 'plc', 'Group Ltd', 'Services Ltd', 'CIC'] as const;

export interface GeneratorInput {
  /** Real parsed notices to vary. */
  templates: readonly Notice[];
  /** The register; only current principal councils are drawn. */
  councils: readonly Council[];
  /** Anchor date (YYYY-MM-DD): dates spread before and after it. */
  today: string;
  seed: number;
  shape: CacheShape;
}

export interface NoticeGenerator {
  notice(i: number): Notice;
  /** The councils drawn from, with their share of notices (the weights, normalised). */
  councils: readonly { code: string; share: number }[];
  suppliers: number;
}

/** The supplier pool: every real supplier in the templates plus made-up ones from their words, Zipf weights. */
function supplierPool(templates: readonly Notice[], seed: number, extra: number): Sampler<Supplier> {
  const real = new Map<string, Supplier>();
  for (const t of templates) for (const s of t.suppliers) if (!real.has(s.name)) real.set(s.name, s);
  const words = new Set<string>();
  for (const name of real.keys()) {
    for (const w of name.split(/[^A-Za-z]+/)) if (w.length >= 4 && !/^(limited|group|services|trading)$/i.test(w)) words.add(w[0]!.toUpperCase() + w.slice(1).toLowerCase());
  }
  const vocabulary = [...words].sort();
  const r = rng(seed ^ 0x5eed);
  const made = new Map<string, Supplier>();
  while (made.size < extra) {
    const name = `${pick(r, vocabulary)} ${pick(r, vocabulary)} ${pick(r, COMPANY_SUFFIXES)}`;
    if (real.has(name) || made.has(name)) continue;
    const ch = r();
    const supplier: Supplier = { name };
    if (ch < 0.6) supplier.companiesHouse = String(int(r, 1_000_000, 15_999_999)).padStart(8, '0');
    else if (ch < 0.66) supplier.companiesHouse = `SC${String(int(r, 100_000, 799_999))}`;
    made.set(name, supplier);
  }
  const all = [...real.values(), ...made.values()];
  // Shuffle so real and made-up suppliers mix among the busiest, then weight by rank.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return new Sampler(all, all.map((_, rank) => 1 / (rank + 1) ** 1.05));
}

interface Timeline {
  published: number;
  deadline: number;
  awardDate: number;
  start: number;
  end: number;
  maxEnd?: number;
  years: number;
}

/** One process's dates (ms since the epoch): published, tender deadline, award, contract start, end and end with extensions. */
function timeline(r: Random, stage: Stage, shape: CacheShape, todayMs: number): Timeline {
  const today = Math.floor(todayMs / DAY_MS);
  const deadlineGap = int(r, 14, 70);
  const awardGap = int(r, 20, 120);
  const years = pick(r, CONTRACT_YEARS);
  const extensionYears = r() < 0.3 ? int(r, 1, 3) : 0;
  const awarded = stage === 'award' || stage === 'contract';
  // Days since the epoch from here on.
  let deadline: number;
  if (stage === 'planning') deadline = today + int(r, 30, 365);
  else if (shape === 'everything') {
    // Newer notices more common (the cache grows by sync); an awarded notice's award is in the past.
    deadline = today - Math.floor(6 * 365 * r() ** 1.3) + deadlineGap;
    if (awarded && deadline + awardGap >= today) deadline -= deadline + awardGap - today + int(r, 1, 60);
  } else if (stage === 'tender') deadline = today + int(r, -TENDER_GRACE_DAYS, 75);
  // Retained contracts: awarded at most (term + extensions + 2 years) ago, so none has ended 2 years ago.
  else deadline = today - awardGap - int(r, 1, (CONTRACT_KEEP_YEARS + years + extensionYears) * 365 - 120);
  const published = stage === 'planning' ? today - int(r, 0, 365) : Math.min(deadline - deadlineGap, today - int(r, 0, 10));
  const awardDate = deadline + awardGap;
  const start = (stage === 'planning' ? deadline : awardDate) + int(r, 7, 60);
  const end = start + Math.round(years * 365.25);
  const hour = 3_600_000;
  return {
    published: published * DAY_MS + int(r, 8, 17) * hour,
    deadline: deadline * DAY_MS + 12 * hour,
    awardDate: awardDate * DAY_MS + int(r, 8, 17) * hour,
    start: start * DAY_MS,
    end: end * DAY_MS - 1000,
    ...(extensionYears ? { maxEnd: (end + extensionYears * 365) * DAY_MS - 1000 } : {}),
    years,
  };
}

export function createNoticeGenerator({ templates, councils, today, seed, shape }: GeneratorInput): NoticeGenerator {
  const current = councils.filter((c) => c.current && c.kind === 'council');
  const rc = rng(seed ^ 0xc0c0);
  const weights = current.map((c) => (c.population ?? 100_000) * TIER_FACTOR[c.tier] * Math.exp(0.6 * normal(rc)));
  const councilSampler = new Sampler(current, weights);
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const byFamily = {
    cf: templates.filter((t) => t.source === 'contracts-finder' || t.source === 'find-a-tender'),
    pcs: templates.filter((t) => t.source === 'public-contracts-scotland'),
    s2w: templates.filter((t) => t.source === 'sell2wales'),
  };
  for (const [family, list] of Object.entries(byFamily)) if (list.length === 0) throw new Error(`no ${family} templates among the parsed notices`);
  const suppliers = supplierPool(templates, seed, 8_000);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const cfsIds = new Map(current.map((c, k) => [c.code, `GB-CFS-${100_000 + ((k * 7919) % 90_000)}`]));

  function notice(i: number): Notice {
    const r = rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
    const council = councilSampler.draw(r);
    const source = weighted(r, PORTALS[council.nation]);
    const family = source === 'public-contracts-scotland' ? byFamily.pcs : source === 'sell2wales' ? byFamily.s2w : byFamily.cf;
    const t = pick(r, family);
    const stage = weighted(r, STAGES[shape]);

    const awarded = stage === 'award' || stage === 'contract';
    const when = timeline(r, stage, shape, todayMs);
    let contractPeriod: ContractPeriod | undefined;
    const templateHasDates = t.contractPeriod?.end !== undefined || t.contractPeriod?.start !== undefined;
    if ((awarded && r() < 0.88) || (!awarded && templateHasDates)) {
      contractPeriod = { start: instant(when.start), end: instant(when.end) };
      if (when.maxEnd !== undefined) {
        contractPeriod.maxEnd = instant(when.maxEnd);
        contractPeriod.extensionNote = pick(r, EXTENSION_NOTES);
      }
    } else if (t.contractPeriod?.durationDays) {
      contractPeriod = { durationDays: when.years * 365 };
    }
    const published = when.published;
    const deadline = when.deadline;
    const awardDate = when.awardDate;

    const hasValue = r() >= 0.12;
    const base = t.value?.amount ?? 150_000;
    const amount = Math.max(1_000, Math.round(Math.min(base, 50_000_000) * Math.exp(0.9 * normal(r))));

    let status: TenderStatus;
    let awards: Award[] = [];
    let winners: Supplier[] = [];
    if (stage === 'planning') status = r() < 0.7 ? 'planned' : 'planning';
    else if (stage === 'tender') status = weighted(r, TENDER_STATUSES);
    else {
      status = r() < 0.7 ? 'complete' : 'active';
      const framework = r() < 0.05;
      const count = framework ? int(r, 3, 12) : r() < 0.85 ? 1 : int(r, 2, 3);
      const chosen = new Map<string, Supplier>();
      for (let k = 0; k < count * 3 && chosen.size < count; k++) {
        const s = suppliers.draw(r);
        chosen.set(s.name, s);
      }
      winners = [...chosen.values()];
      awards = [
        {
          id: '',
          status: 'active',
          date: instant(awardDate),
          ...(hasValue ? { value: { amount, currency: 'GBP' } } : {}),
          suppliers: winners,
          ...(contractPeriod ? { contractPeriod } : {}),
        },
      ];
    }

    let ocid: string;
    let noticeUrl: string;
    let releaseIds: string[];
    const year = new Date(published).getUTCFullYear();
    const serial = (Math.imul(i, 0x2f0b3) + 0x10000) & 0xffffff; // a bijection on 24 bits: unique for i < 2^24
    switch (source) {
      case 'contracts-finder': {
        const id = `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${'89ab'[int(r, 0, 3)]}${hex(r, 3)}-${serial.toString(16).padStart(6, '0')}${hex(r, 6)}`;
        const release = `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${'89ab'[int(r, 0, 3)]}${hex(r, 3)}-${hex(r, 12)}`;
        ocid = `ocds-b5fd17-${id}`;
        noticeUrl = `https://www.contractsfinder.service.gov.uk/Notice/${release}`;
        releaseIds = [`${release}-${int(r, 100_000, 999_999)}`];
        break;
      }
      case 'find-a-tender': {
        const id = `${String(int(r, 1, 999_999)).padStart(6, '0')}-${year}`;
        ocid = `ocds-h6vhtk-${serial.toString(16).padStart(6, '0')}`;
        noticeUrl = `https://www.find-tender.service.gov.uk/Notice/${id}`;
        releaseIds = [id];
        break;
      }
      case 'public-contracts-scotland':
      case 'sell2wales': {
        const prefix = source === 'sell2wales' ? 'ocds-kuma6s-' : 'ocds-r6ebe6-';
        const host = source === 'sell2wales' ? 'www.sell2wales.gov.wales' : 'www.publiccontractsscotland.gov.uk';
        ocid = `${prefix}${String(1_000_000 + serial).padStart(10, '0')}`;
        noticeUrl = `https://${host}/search/show/search_view.aspx?ID=${pick(r, ['JAN', 'APR', 'JUL', 'OCT'])}${int(r, 100_000, 999_999)}`;
        releaseIds = source === 'sell2wales' ? [`${ocid}-${int(r, 1, 9)}`] : [];
        break;
      }
    }
    for (const a of awards) a.id = `${ocid}-1`;

    const updated = stage === 'planning' || stage === 'tender' ? Math.min(published + int(r, 0, 5) * DAY_MS, todayMs) : awardDate;
    const result: Notice = {
      ocid,
      source,
      stage,
      status,
      title: r() < 0.1 ? `${t.title} - Lot ${int(r, 1, 6)}` : t.title,
      description: t.description,
      buyer: {
        name: council.officialName,
        id: source === 'contracts-finder' ? (r() < 0.1 ? `GB-LAE-${council.code}` : cfsIds.get(council.code)!) : 'org-1',
        councilCode: council.code,
        contact: { ...t.buyer.contact, ...(council.domain ? { email: `procurement@${council.domain}` } : {}) },
        locality: council.niceName,
        ...(t.buyer.postcode ? { postcode: t.buyer.postcode } : {}),
      },
      cpv: t.cpv,
      serviceGroups: t.serviceGroups,
      publishedAt: instant(published),
      updatedAt: instant(updated),
      suppliers: winners,
      awards,
      regions: source === 'public-contracts-scotland' || source === 'sell2wales' ? t.regions : [council.region],
      noticeUrl,
      releaseIds,
    };
    if (hasValue) result.value = { amount, currency: 'GBP' };
    if (hasValue && t.minValue) result.minValue = { amount: Math.round(amount * (0.5 + 0.3 * r())), currency: 'GBP' };
    if (stage !== 'planning' && r() < 0.95) result.tenderDeadline = instant(deadline);
    if (contractPeriod) result.contractPeriod = contractPeriod;
    if (t.procurementMethod) result.procurementMethod = t.procurementMethod;
    if (t.procurementMethodDetails) result.procurementMethodDetails = t.procurementMethodDetails;
    if (t.suitability && source === 'contracts-finder') result.suitability = t.suitability;
    return result;
  }

  return {
    notice,
    councils: current.map((c, k) => ({ code: c.code, share: weights[k]! / totalWeight })),
    suppliers: suppliers.items.length,
  };
}
