import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { gbPhoneMetadata } from '@/lib/dataset/phone-metadata';
import { formatPhone } from '@/lib/phone';

// Forms seen in the contact points of ../shared/data Contracts Finder releases, and their kin.
test.each([
  ['+44 2085454626', '020 8545 4626', '+442085454626'],
  ['0300 126 3000', '0300 126 3000', '+443001263000'],
  ['+44 1962760340', '01962 760340', '+441962760340'],
  ['01133784000', '0113 378 4000', '+441133784000'],
  ['0113 3784000', '0113 378 4000', '+441133784000'],
  ['+44 (0)113 378 4000', '0113 378 4000', '+441133784000'],
  ['+441622694000', '01622 694000', '+441622694000'],
  ['020 7946 0000', '020 7946 0000', '+442079460000'],
  ['07896856842', '07896 856842', '+447896856842'],
  // Another country's number: outside the UK-only metadata, shown as published.
  ['+353 1 234 5678', '+353 1 234 5678', '+35312345678'],
])('%j reads as %j', (raw, text, dial) => {
  expect(formatPhone(raw)).toEqual({ text, dial });
});

test.each([['ext 4021'], ['12345'], ['Switchboard']])('%j does not parse and is shown as published', (raw) => {
  expect(formatPhone(raw).text).toBe(raw);
});

test('the shipped UK metadata is exactly the GB part of the installed libphonenumber-js (npm run data writes it)', () => {
  const full = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json'), 'utf8'));
  const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'lib', 'phone-metadata-gb.json'), 'utf8'));
  expect(shipped).toEqual(gbPhoneMetadata(full));
  expect(JSON.stringify(shipped).length).toBeLessThan(4_000);
});
