import { buyerCouncilResolver } from '@/lib/councils/buyer';
import { createCouncilIndex } from '@/lib/councils/council-index';
import type { CouncilsFile } from '@/lib/councils/schema';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { packBody } from '@/lib/ocds/packed-row';
import { toNoticeRow } from '@/lib/ocds/row';

/** The Find a Tender day the dictionary is cut from: real releases, none of them in the seed or the benchmarks' templates. */
export const DICTIONARY_INPUTS = [1, 2, 3, 4, 5].map((n) => `data/find-a-tender-2026/fts_ocds_backfill_2026-08-10_page-00${n}.json`);
/** Distances are two bytes: the dictionary leaves 5,535 of them for matches inside a body. */
export const DICTIONARY_CHARS = 60_000;

/**
 * The dictionary of packed notice bodies (lib/ocds/payload-dictionary.ts): the positional
 * bodies (lib/ocds/packed-row.ts packBody) of the council notices of one real day of Find a Tender,
 * in file order, the last {@link DICTIONARY_CHARS} characters, each contact replaced by its council's
 * generic mailbox (no names, personal addresses or telephone numbers). The codec finds in it the strings notice
 * bodies share (JSON around the slots, council buyer names, mailbox names, CPV codes, the common
 * words of titles), so a 560-byte body stores in about 280 (lib/ocds/body-codec.ts).
 *
 * Built once and frozen: rows written with a dictionary can only be read with the same bytes.
 * tests/lib/ocds/payload-dictionary.test.ts checks the committed one is what this builds.
 */
export function buildPayloadDictionary(releaseFiles: readonly string[], councils: CouncilsFile, chars = DICTIONARY_CHARS): string {
  const resolve = buyerCouncilResolver(createCouncilIndex(councils));
  const bodies: string[] = [];
  for (const text of releaseFiles) {
    for (const notice of parseReleases(JSON.parse(text)).notices) {
      const council = resolve(notice.buyer.name);
      if (!council) continue;
      // No personal details ship in the extension: a contact becomes the council's generic mailbox.
      const domain = notice.buyer.contact?.email?.split('@')[1];
      const contact = domain ? { email: `procurement@${domain}` } : undefined;
      bodies.push(packBody(toNoticeRow({ ...notice, buyer: { ...notice.buyer, councilCode: council, contact } }, 'sync')));
    }
  }
  return bodies.join('').slice(-chars);
}
