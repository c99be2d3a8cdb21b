/**
 * The phone numbering metadata Council Lens ships: libphonenumber-js's "min" metadata cut down to
 * the United Kingdom (GB, calling code 44). The whole "min" set is 83 kB and put 120 kB on the
 * notice pages' content script; GB alone is under 3 kB. Numbers of other countries are then shown
 * as the notice published them (lib/phone.ts). `npm run data` writes it to lib/phone-metadata-gb.json;
 * a test checks that file against the installed library, so an upgrade that changes GB's plan shows.
 */

interface MinMetadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
  nonGeographic?: Record<string, unknown>;
}

/** The GB part of libphonenumber-js's metadata (`libphonenumber-js/metadata.min.json`). */
export function gbPhoneMetadata(full: MinMetadata): MinMetadata {
  const gb = full.countries['GB'];
  if (!gb || !full.country_calling_codes['44']?.includes('GB')) throw new Error('libphonenumber-js metadata has no GB under calling code 44');
  return { version: full.version, country_calling_codes: { '44': ['GB'] }, countries: { GB: gb } };
}
