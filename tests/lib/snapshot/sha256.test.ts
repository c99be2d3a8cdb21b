// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { sharedDir } from '@/lib/dataset/read-inputs';
import { Sha256 } from '@/lib/snapshot/sha256';

const nodeHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

test.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000])('%i bytes in one piece match node:crypto', (n) => {
  const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
  expect(new Sha256().update(bytes).hex()).toBe(nodeHash(bytes));
});

test('the FIPS 180-4 example "abc"', () => {
  expect(new Sha256().update(new TextEncoder().encode('abc')).hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test.each([1, 7, 64, 1000, 65_536])('a real file fed in %i-byte chunks matches node:crypto', (size) => {
  const bytes = new Uint8Array(readFileSync(path.join(sharedDir(), 'data', 'contracts_finder_ocds_search_2025-01-23.json')));
  const hash = new Sha256();
  for (let at = 0; at < bytes.length; at += size) hash.update(bytes.subarray(at, at + size));
  expect(hash.hex()).toBe(nodeHash(bytes));
});
