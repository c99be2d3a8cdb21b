import { CouncilCodeSchema } from '@/lib/councils/schema';
import { cleanLine } from './clean-text';
import { asArray, asObject, asObjects, asString, type JsonObject } from './json';
import type { Supplier } from './notice';

/**
 * OCDS parties: deduplication, the buyer's council code and suppliers' Companies House numbers.
 * Contracts Finder party ids carry an identifier scheme prefix (`GB-LAE-IPS`, `GB-COH-06841377`,
 * `GB-CFS-18525`, `GB-SRS-…`, `GB-GOR-EA71`); PCS and Sell2Wales use `org-N`.
 */

const NAME_NOISE = /[^a-z0-9]+/g;
const LIMITED = /\b(?:ltd|limited)\b/g;

/** Name key for deduplication: case, punctuation, "&"/"and" and "Ltd"/"Limited" do not count. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(NAME_NOISE, ' ')
    .replace(LIMITED, 'limited')
    .replace(/^the /, '')
    .trim();
}

export function partyName(party: JsonObject): string | undefined {
  const raw = asString(party['name']) ?? asString(asObject(party['identifier'])?.['legalName']);
  const name = raw === undefined ? undefined : cleanLine(raw);
  return name === '' ? undefined : name;
}

export function partyRoles(party: JsonObject): readonly unknown[] {
  return asArray(party['roles']);
}

/** Fills the fields `into` lacks from `from`, and unites roles; returns a new object. */
function mergeParty(into: JsonObject, from: JsonObject): JsonObject {
  const merged: JsonObject = { ...from, ...Object.fromEntries(Object.entries(into).filter(([, v]) => v !== undefined && v !== null)) };
  merged['roles'] = [...new Set([...partyRoles(into), ...partyRoles(from)])];
  return merged;
}

export interface PartyIndex {
  /** Deduplicated parties, in first-seen order. */
  parties: JsonObject[];
  /** Every id seen, including ids of duplicates, to its deduplicated party. */
  byId: ReadonlyMap<string, JsonObject>;
}

/**
 * Deduplicates parties by id, then by normalised name; a later duplicate fills what the first lacks.
 * Real duplicate: ../shared/data/contracts_finder_ocds_releases_2025-01_to_03_extra.json lists
 * `GB-COH-03794455` twice, as "DENNIS EAGLE LIMITED (t/a Terberg Matec UK)" and "DENNIS EAGLE LIMITED".
 */
export function indexParties(value: unknown): PartyIndex {
  const parties: JsonObject[] = [];
  const slotById = new Map<string, number>();
  const slotByName = new Map<string, number>();
  for (const party of asObjects(value)) {
    const id = asString(party['id']);
    const name = partyName(party);
    const nameKey = name === undefined ? undefined : normaliseName(name);
    const slot = (id === undefined ? undefined : slotById.get(id)) ?? (nameKey ? slotByName.get(nameKey) : undefined);
    if (slot === undefined) {
      const next = parties.length;
      parties.push(party);
      if (id !== undefined) slotById.set(id, next);
      if (nameKey) slotByName.set(nameKey, next);
    } else {
      parties[slot] = mergeParty(parties[slot] ?? {}, party);
      if (id !== undefined && !slotById.has(id)) slotById.set(id, slot);
    }
  }
  const byId = new Map<string, JsonObject>();
  for (const [id, slot] of slotById) {
    const party = parties[slot];
    if (party) byId.set(id, party);
  }
  return { parties, byId };
}

/** Identifiers of a party as [scheme, id]: from `GB-XXX-…` ids, `identifier` and `additionalIdentifiers`. */
function identifiers(party: JsonObject | undefined, extraId?: string): [string, string][] {
  const out: [string, string][] = [];
  const fromPrefixed = (id: string | undefined): void => {
    const match = id === undefined ? null : /^([A-Z]{2}-[A-Z]{3})-(.+)$/.exec(id);
    if (match?.[1] && match[2]) out.push([match[1], match[2]]);
  };
  fromPrefixed(extraId);
  if (!party) return out;
  fromPrefixed(asString(party['id']));
  for (const identifier of [asObject(party['identifier']), ...asObjects(party['additionalIdentifiers'])]) {
    const scheme = asString(identifier?.['scheme']);
    const id = asString(identifier?.['id']);
    if (scheme && id) out.push([scheme, id]);
  }
  return out;
}

/**
 * Companies House number in its 8-character form: numbers lose their leading zeros in some
 * publishers' ids (`GB-COH-4142000`, `GB-COH-115834` in the Contracts Finder files), so digits are
 * padded; prefixed numbers (SC268016, OC301540) keep their two letters. Anything else (the
 * 9-digit `GB-COH-458577871` given for Nominet UK) is not a company number.
 */
export function normaliseCompanyNumber(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  if (/^\d{5,8}$/.test(compact) && /[1-9]/.test(compact)) return compact.padStart(8, '0');
  const prefixed = /^([A-Z]{2})(\d{1,6})$/.exec(compact);
  if (prefixed?.[1] && prefixed[2] && /[1-9]/.test(prefixed[2])) return prefixed[1] + prefixed[2].padStart(6, '0');
  return undefined;
}

export function companiesHouseNumber(party: JsonObject | undefined, supplierId?: string): string | undefined {
  for (const [scheme, id] of identifiers(party, supplierId)) {
    if (scheme !== 'GB-COH') continue;
    const number = normaliseCompanyNumber(id);
    if (number) return number;
  }
  return undefined;
}

/**
 * The register code of a `GB-LAE-xxx` buyer (../shared/data/SOURCES.md: the code equals the
 * register's `local-authority-code`; seen as GB-LAE-IPS, GB-LAE-DUR, GB-LAE-DER, GB-LAE-HAV).
 * Only a code of register shape (2-5 capitals, optional `-X`) counts.
 */
export function laeCouncilCode(party: JsonObject | undefined, buyerId?: string): string | undefined {
  for (const [scheme, id] of identifiers(party, buyerId)) {
    if (scheme !== 'GB-LAE') continue;
    const code = id.toUpperCase();
    if (CouncilCodeSchema.safeParse(code).success) return code;
  }
  return undefined;
}

/** Supplier of an award: the award's reference joined with its party. */
export function supplierOf(reference: JsonObject, parties: PartyIndex): Supplier | undefined {
  const id = asString(reference['id']);
  const party = id === undefined ? undefined : parties.byId.get(id);
  const referenceName = asString(reference['name']);
  const name = referenceName !== undefined ? cleanLine(referenceName) : party ? partyName(party) : undefined;
  if (!name) return undefined;
  const companiesHouse = companiesHouseNumber(party, id);
  return companiesHouse === undefined ? { name } : { name, companiesHouse };
}

/**
 * Suppliers without repeats: same Companies House number, else same normalised name. The first
 * spelling is kept; a later repeat can add the number the first lacked.
 */
export function uniqueSuppliers(suppliers: Iterable<Supplier>): Supplier[] {
  const out: Supplier[] = [];
  const slots = new Map<string, number>();
  for (const supplier of suppliers) {
    const nameKey = `name:${normaliseName(supplier.name)}`;
    const numberKey = supplier.companiesHouse === undefined ? undefined : `coh:${supplier.companiesHouse}`;
    const slot = (numberKey === undefined ? undefined : slots.get(numberKey)) ?? slots.get(nameKey);
    if (slot === undefined) {
      slots.set(nameKey, out.length);
      if (numberKey !== undefined) slots.set(numberKey, out.length);
      out.push(supplier);
      continue;
    }
    const kept = out[slot];
    if (kept && kept.companiesHouse === undefined && supplier.companiesHouse !== undefined && numberKey !== undefined) {
      out[slot] = { ...kept, companiesHouse: supplier.companiesHouse };
      slots.set(numberKey, slot);
    }
  }
  return out;
}
