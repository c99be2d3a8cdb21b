import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';
import metadata from './phone-metadata-gb.json';

export interface PhoneNumber {
  /** As a UK reader writes it: "0113 378 4000". */
  text: string;
  /** For a `tel:` link: E.164 ("+441133784000"), or the digits as published when it does not parse. */
  dial: string;
}

/**
 * A phone number as a notice publishes it ("01133784000", "+44 (0)113 378 4000", "0113-3784000")
 * formatted the UK way by libphonenumber-js, with its metadata cut down to the UK
 * (lib/dataset/phone-metadata.ts). A number it cannot read, or another country's, is shown as
 * published, never dropped.
 */
export function formatPhone(raw: string): PhoneNumber {
  const published = raw.trim();
  // "+44 (0)113…": the "(0)" is the national trunk prefix written beside the country code.
  const parsed = parsePhoneNumberFromString(published.replace(/^(\+44\s*)\(0\)/, '$1'), 'GB', metadata as unknown as MetadataJson);
  if (!parsed?.isValid()) return { text: published, dial: published.replace(/[^\d+]/g, '') };
  return { text: parsed.formatNational(), dial: parsed.number };
}
