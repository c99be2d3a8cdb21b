import { csvField } from '@/lib/csv';
import { SAVINGS_COLUMNS, type SavingsColumn } from './import';
import type { SavingsItem } from './schema';

/** Version of the JSON export, so a later shape can still read files written now. */
export const SAVINGS_JSON_VERSION = 1;

function csvValues(item: SavingsItem): Record<SavingsColumn, string> {
  return {
    council: item.council,
    service_group: item.serviceGroup,
    financial_year: item.financialYear,
    amount_gbp: item.amountGbp === undefined ? '' : String(item.amountGbp),
    kind: item.kind,
    status: item.status,
    description: item.description,
    source_url: item.sourceUrl ?? '',
  };
}

/**
 * Savings items as the CSV that {@link parseSavingsFile} reads: the header of
 * {@link SAVINGS_COLUMNS}, one row per item, register codes and service-group ids, plain amounts in
 * pounds, CRLF line ends (RFC 4180). Fields that a spreadsheet would run as formulas get a leading
 * apostrophe, which the import takes off. Source titles and provenance are not columns; use
 * {@link toJson} to keep them.
 */
export function toCsv(items: readonly SavingsItem[]): string {
  const lines = [SAVINGS_COLUMNS.join(',')];
  for (const item of items) {
    const values = csvValues(item);
    lines.push(SAVINGS_COLUMNS.map((c) => csvField(values[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * Savings items as JSON that {@link parseSavingsFile} reads back into equal items: `{ version,
 * items }`, each item with the CSV keys plus `source_title`, `id`, `added_at` and `added_by`.
 */
export function toJson(items: readonly SavingsItem[]): string {
  const out = items.map((item) => ({
    council: item.council,
    service_group: item.serviceGroup,
    financial_year: item.financialYear,
    ...(item.amountGbp !== undefined ? { amount_gbp: item.amountGbp } : {}),
    kind: item.kind,
    status: item.status,
    description: item.description,
    ...(item.sourceUrl ? { source_url: item.sourceUrl } : {}),
    ...(item.sourceTitle ? { source_title: item.sourceTitle } : {}),
    id: item.id,
    added_at: item.addedAt,
    added_by: item.addedBy,
  }));
  return JSON.stringify({ version: SAVINGS_JSON_VERSION, items: out }, null, 2) + '\n';
}

/**
 * The template the options page offers: the header and two example rows, one written with codes
 * and ids, one with a council name, a group label and the amount and year as budget papers write
 * them, so people see both are accepted. Leeds's committee papers are on democracy.leeds.gov.uk
 * and Kent's on democracy.kent.gov.uk (both in the register under leeds.gov.uk and kent.gov.uk).
 */
export const TEMPLATE_CSV = [
  SAVINGS_COLUMNS.join(','),
  'LDS,adult-social-care,2027/28,1200000,service-review,proposed,"Review of day services for older people, moving to community-based support",https://democracy.leeds.gov.uk/',
  'Kent County Council,Waste and street cleansing,2026-27,£350k,saving,approved,"Reduce household waste recycling centre opening hours, saving £350,000 a year",https://democracy.kent.gov.uk/',
].join('\r\n') + '\r\n';
