import { PAYLOAD_DICTIONARY } from './payload-dictionary';

/**
 * A notice body (Latin-1 JSON, lib/ocds/packed-row.ts packBody) in about half its bytes, for
 * IndexedDB, which Chromium stores uncompressed. LZ77 against a frozen dictionary of real notice
 * bodies (lib/ocds/payload-dictionary.ts) and the body itself, written as LZ4-style sequences.
 *
 * Why not deflate (fflate, pako): they allocate some 250 kB of tables a call, and in Chromium that
 * made a 560-byte body cost 2 to 3 ms to compress (tests/bench/cache-storage.bench.ts measured 274
 * notices/s stored). Here the dictionary's hash chains are built once and every buffer is reused, so
 * a body costs tens of µs; without deflate's Huffman stage it stores ~280 bytes where deflate stores
 * ~270, because the dictionary can be four times larger at no cost per call.
 *
 * Format (version {@link BODY_FORMAT}): the format byte, the body's length (LEB128), then sequences:
 * a token byte (literal count in the high nibble, match length - 4 in the low; 15 means more in the
 * following bytes, each 255 but the last), the literals, and unless the body has ended, the match's
 * distance back (2 bytes, little-endian) into the dictionary followed by the body so far.
 */
export const BODY_FORMAT = 1;

const MIN_MATCH = 4;
const MAX_DISTANCE = 0xffff;
const HASH_BITS = 15;
const DICTIONARY_TRIES = 48;
const SELF_TRIES = 16;

let dictionary: Uint8Array | null = null;
let dictHead: Int32Array;
let dictPrev: Int32Array;
/** The dictionary then the body being compressed; grown for a long body. */
let work: Uint8Array;
let head: Int32Array;
let headRun: Int32Array;
let prev: Int32Array;
let run = 0;
let out = new Uint8Array(1 << 16);

const hash = (b: Uint8Array, i: number): number => (Math.imul((b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!, 0x9e3779b1) >>> (32 - HASH_BITS));

/** The dictionary's bytes and hash chains, built on first use. */
function prepared(): Uint8Array {
  if (dictionary) return dictionary;
  const d = Uint8Array.from(PAYLOAD_DICTIONARY, (c) => c.charCodeAt(0));
  dictHead = new Int32Array(1 << HASH_BITS).fill(-1);
  dictPrev = new Int32Array(d.length).fill(-1);
  for (let i = 0; i + 3 <= d.length; i++) {
    const h = hash(d, i);
    dictPrev[i] = dictHead[h]!;
    dictHead[h] = i;
  }
  head = new Int32Array(1 << HASH_BITS);
  headRun = new Int32Array(1 << HASH_BITS);
  grow(d, 1 << 16);
  dictionary = d;
  return d;
}
function grow(d: Uint8Array, bodyLength: number): void {
  work = new Uint8Array(d.length + bodyLength);
  work.set(d);
  prev = new Int32Array(d.length + bodyLength);
}

function ensureOut(size: number, used: number): void {
  if (size <= out.length) return;
  const bigger = new Uint8Array(Math.max(size, out.length * 2));
  bigger.set(out.subarray(0, used));
  out = bigger;
}

/** The body compressed, or the body itself when that would be no shorter. */
export function compressBody(body: string): string | Uint8Array {
  const d = prepared();
  const base = d.length;
  const n = body.length;
  if (base + n > work.length) grow(d, n);
  for (let i = 0; i < n; i++) work[base + i] = body.charCodeAt(i);
  const end = base + n;
  run += 1;
  ensureOut(16 + n + Math.ceil(n / 255) + 16, 0);
  let o = 0;
  out[o++] = BODY_FORMAT;
  for (let len = n; ; len >>>= 7) {
    if (len < 0x80) {
      out[o++] = len;
      break;
    }
    out[o++] = (len & 0x7f) | 0x80;
  }
  const insert = (i: number) => {
    const h = hash(work, i);
    prev[i] = headRun[h] === run ? head[h]! : -1;
    head[h] = i;
    headRun[h] = run;
  };
  const writeLength = (rest: number) => {
    while (rest >= 255) {
      out[o++] = 255;
      rest -= 255;
    }
    out[o++] = rest;
  };
  let literalsFrom = base;
  let i = base;
  while (i < end) {
    let bestLength = 0;
    let bestAt = -1;
    if (i + 3 <= end) {
      const h = hash(work, i);
      // Earlier in the body, then in the dictionary: the longest match, the nearest on a tie.
      let p = headRun[h] === run ? head[h]! : -1;
      for (let tries = SELF_TRIES; p >= 0 && tries > 0; tries--, p = prev[p]!) {
        let l = 0;
        while (i + l < end && work[p + l] === work[i + l]) l++;
        if (l > bestLength) [bestLength, bestAt] = [l, p];
      }
      p = dictHead[h]!;
      for (let tries = DICTIONARY_TRIES; p >= 0 && tries > 0; tries--, p = dictPrev[p]!) {
        if (i - p > MAX_DISTANCE) break;
        let l = 0;
        while (i + l < end && work[p + l] === work[i + l]) l++;
        if (l > bestLength) [bestLength, bestAt] = [l, p];
      }
      insert(i);
    }
    if (bestLength < MIN_MATCH) {
      i += 1;
      continue;
    }
    const literals = i - literalsFrom;
    const extra = bestLength - MIN_MATCH;
    ensureOut(o + literals + 8 + Math.ceil((literals + extra) / 255), o);
    out[o++] = (Math.min(literals, 15) << 4) | Math.min(extra, 15);
    if (literals >= 15) writeLength(literals - 15);
    out.set(work.subarray(literalsFrom, i), o);
    o += literals;
    const distance = i - bestAt;
    out[o++] = distance & 0xff;
    out[o++] = distance >>> 8;
    if (extra >= 15) writeLength(extra - 15);
    for (let k = 1; k < bestLength && i + k + 3 <= end; k++) insert(i + k);
    i += bestLength;
    literalsFrom = i;
  }
  const literals = end - literalsFrom;
  ensureOut(o + literals + 8 + Math.ceil(literals / 255), o);
  out[o++] = Math.min(literals, 15) << 4;
  if (literals >= 15) writeLength(literals - 15);
  out.set(work.subarray(literalsFrom, end), o);
  o += literals;
  return o >= n ? body : out.slice(0, o);
}

/** Bytes as the Latin-1 string they spell (not TextDecoder: its 'latin1' is windows-1252). */
function latin1String(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** The body a stored value holds; a damaged or foreign one throws rather than read short. */
export function decompressBody(stored: string | Uint8Array): string {
  if (typeof stored === 'string') return stored;
  if (stored[0] !== BODY_FORMAT) throw new Error(`A notice body in an unknown format (${stored[0]})`);
  const d = prepared();
  const base = d.length;
  let at = 1;
  let n = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = stored[at++];
    if (byte === undefined) throw new Error('A damaged notice body (no length)');
    n += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (base + n > work.length) grow(d, n);
  const end = base + n;
  let o = base;
  const readLength = (first: number): number => {
    let length = first;
    if (first === 15) {
      let byte: number;
      do {
        byte = stored[at++]!;
        if (byte === undefined) throw new Error('A damaged notice body (length)');
        length += byte;
      } while (byte === 255);
    }
    return length;
  };
  while (at < stored.length) {
    const token = stored[at++]!;
    const literals = readLength(token >>> 4);
    if (at + literals > stored.length || o + literals > end) throw new Error('A damaged notice body (literals)');
    work.set(stored.subarray(at, at + literals), o);
    at += literals;
    o += literals;
    if (at >= stored.length) break;
    const distance = stored[at]! | (stored[at + 1]! << 8);
    at += 2;
    const length = readLength(token & 15) + MIN_MATCH;
    const from = o - distance;
    if (distance === 0 || from < 0 || o + length > end || at > stored.length) throw new Error('A damaged notice body (match)');
    for (let k = 0; k < length; k++) work[o + k] = work[from + k]!;
    o += length;
  }
  if (o !== end) throw new Error(`A damaged notice body (${o - base} of ${n} bytes)`);
  return latin1String(work.subarray(base, end));
}
