import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildPayloadDictionary, DICTIONARY_INPUTS } from '@/lib/dataset/build-payload-dictionary';
import { REPO_ROOT, readSeedInputs } from '@/lib/dataset/read-inputs';
import { parseReleases } from '@/lib/ocds/parse-releases';
import { compressBody, decompressBody } from '@/lib/ocds/body-codec';
import { packBody, packRow, unpackRow } from '@/lib/ocds/packed-row';
import { PAYLOAD_DICTIONARY, PAYLOAD_DICTIONARY_SHA256 } from '@/lib/ocds/payload-dictionary';
import { toNoticeRow } from '@/lib/ocds/row';
import { readShared } from '../dataset/shared-files';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('notice bodies: the dictionary (lib/ocds/payload-dictionary.ts) and the codec (lib/ocds/body-codec.ts)', () => {
  test('is frozen: its bytes are the ones rows were written with', () => {
    // Rows stored with dictionary version 1 can only be read with these exact bytes.
    expect(PAYLOAD_DICTIONARY_SHA256).toBe('382f0741738cb78df8169d90e720e77eb8960d0542a67c32acf2b7284f7eb3ac');
    expect(createHash('sha256').update(latin1(PAYLOAD_DICTIONARY)).digest('hex')).toBe(PAYLOAD_DICTIONARY_SHA256);
    expect([...PAYLOAD_DICTIONARY].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
  });

  test('holds no personal contact details, nor does its builder write any', () => {
    // The builder is how the frozen dictionary was made; it is not run again on the frozen bytes,
    // which must not change when the parser or the council register does.
    const councils = JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/data/councils.json'), 'utf8'));
    const built = buildPayloadDictionary(DICTIONARY_INPUTS.map(readShared), councils);
    expect(built).toHaveLength(PAYLOAD_DICTIONARY.length);
    for (const text of [PAYLOAD_DICTIONARY, built]) {
      const mailboxes = text.match(/[\w.+-]+@[\w.-]+/g) ?? [];
      expect(mailboxes.length).toBeGreaterThan(5);
      for (const address of mailboxes) expect(address).toMatch(/^procurement@/);
      expect(text).not.toMatch(/\b0\d{3} ?\d{3} ?\d{4}\b|\+44/);
    }
  });

  test('halves the bodies of real notices it was not made from, and every one reads back', () => {
    // The seed's Contracts Finder, Scottish and Welsh files: none of them is in the dictionary.
    const notices = readSeedInputs().flatMap((f) => parseReleases(JSON.parse(f.text)).notices);
    expect(notices.length).toBeGreaterThan(400);
    let raw = 0;
    let stored = 0;
    for (const notice of notices) {
      const row = toNoticeRow({ ...notice, buyer: { ...notice.buyer, councilCode: notice.buyer.councilCode ?? 'LDS' } }, 'sync');
      const body = packBody(row);
      const d = compressBody(body);
      raw += body.length;
      stored += d.length;
      expect(unpackRow(structuredClone(packRow(row)))).toEqual(row);
    }
    expect(stored / raw).toBeLessThan(0.6);
  });

  test('a body the codec cannot shorten stays a string; an unknown format byte is refused', () => {
    expect(compressBody('[0]')).toBe('[0]');
    const row = toNoticeRow(parseReleases(JSON.parse(readSeedInputs()[0]!.text)).notices[0]!, 'sync');
    const packed = packRow(row);
    expect(packed.d).toBeInstanceOf(Uint8Array);
    const foreign = { ...packed, d: Uint8Array.from([9, ...(packed.d as Uint8Array).subarray(1)]) };
    expect(() => unpackRow(foreign)).toThrow(/unknown format \(9\)/);
  });
});

test('a damaged body is refused, never read short', () => {
  const row = toNoticeRow(parseReleases(JSON.parse(readSeedInputs()[0]!.text)).notices[0]!, 'sync');
  const d = packRow(row).d as Uint8Array;
  expect(() => decompressBody(d.subarray(0, d.length - 20))).toThrow(/damaged/);
  // The length says one byte more than the sequences hold.
  const longer = Uint8Array.from(d);
  longer[1] = longer[1]! + 1;
  expect(() => decompressBody(longer)).toThrow(/damaged/);
  expect(() => decompressBody(Uint8Array.of(1))).toThrow(/damaged/);
});

test('any Latin-1 text round-trips: empty, repetitive, random, and longer than the dictionary reaches', () => {
  let seed = 7;
  const random = (n: number, alphabet: number) =>
    String.fromCharCode(...Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % alphabet));
  const long = Array.from({ length: 8 }, () => random(10_000, 256)).join('');
  for (const text of ['', 'a', 'aaaa'.repeat(1000), random(300, 256), random(5000, 4), PAYLOAD_DICTIONARY.slice(100, 900), long, long + PAYLOAD_DICTIONARY]) {
    const stored = compressBody(text);
    expect(decompressBody(stored)).toBe(text);
    expect(stored.length).toBeLessThanOrEqual(text.length);
  }
  expect((compressBody('aaaa'.repeat(1000)) as Uint8Array).length).toBeLessThan(60);
});
