/**
 * The Procurement Act 2023 notice types in words, as Find a Tender names them in each document's
 * `description` ("Pipeline notice on Find a Tender", "Dynamic market intention notice on Find a
 * Tender": ../shared/data/find-a-tender-2026) and on its notice-types page.
 */
export const NOTICE_TYPE_NAMES: Readonly<Record<string, string>> = {
  UK1: 'pipeline notice',
  UK2: 'preliminary market engagement notice',
  UK3: 'planned procurement notice',
  UK4: 'tender notice',
  UK5: 'transparency notice',
  UK6: 'contract award notice',
  UK7: 'contract details notice',
  UK8: 'payments compliance notice',
  UK9: 'contract performance notice',
  UK10: 'contract change notice',
  UK11: 'contract termination notice',
  UK12: 'procurement termination notice',
  UK13: 'dynamic market intention notice',
  UK14: 'dynamic market establishment notice',
  UK15: 'dynamic market modification notice',
  UK16: 'dynamic market cessation notice',
  UK17: 'contract change voluntary standstill notice',
};

/** "UK4 tender notice"; null for a type the table does not know. */
export function noticeTypeInWords(type: string): string | null {
  const name = NOTICE_TYPE_NAMES[type];
  return name ? `${type} ${name}` : null;
}

/** The name alone ("planned procurement notice"), for sentences; null when unknown. */
export function noticeTypeName(type: string): string | null {
  return NOTICE_TYPE_NAMES[type] ?? null;
}

/** The forward notices: a process announced before its tender (UK1, UK2, UK3). */
export const FORWARD_NOTICE_TYPES: readonly string[] = ['UK1', 'UK2', 'UK3'];
