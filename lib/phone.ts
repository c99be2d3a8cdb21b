import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export interface PhoneNumber {
  /** As a UK reader writes it: "0113 378 4000" for a UK number, "+353 1 234 5678" for another. */
  text: string;
  /** For a `tel:` link: E.164 ("+441133784000"), or the digits as published when it does not parse. */
  dial: string;
}

/**
 * A phone number as a notice publishes it ("01133784000", "+44 (0)113 378 4000", "0113-3784000")
 * formatted the UK way by libphonenumber-js (its "min" metadata, the smallest build with GB's
 * numbering plan). A number it cannot read is shown as published, never dropped.
 */
export function formatPhone(raw: string): PhoneNumber {
  const published = raw.trim();
  // "+44 (0)113…": the "(0)" is the national trunk prefix written beside the country code.
  const parsed = parsePhoneNumberFromString(published.replace(/^(\+44\s*)\(0\)/, '$1'), 'GB');
  if (!parsed?.isValid()) return { text: published, dial: published.replace(/[^\d+]/g, '') };
  return { text: parsed.country === 'GB' ? parsed.formatNational() : parsed.formatInternational(), dial: parsed.number };
}
