import { beforeAll, describe, expect, test } from 'vitest';
import type { CouncilLensDB } from '@/entrypoints/background/db';
import type { Knowledge } from '@/entrypoints/background/knowledge';
import { search } from '@/entrypoints/background/handlers/search';
import { createSupplierIndexCache, type SupplierIndexCache } from '@/entrypoints/background/supplier-index';
import { toNoticeRow } from '@/lib/ocds/row';
import { awardNotice, seededDb } from '../../../lib/suppliers/seeded-db';

let db: CouncilLensDB;
let knowledge: Knowledge;
let cache: SupplierIndexCache;

beforeAll(async () => {
  ({ db, knowledge } = await seededDb('search-test'));
  cache = createSupplierIndexCache(db);
});

const find = async (query: string, limit?: number) => search(knowledge, await cache.get(), query, limit);
const codes = (r: Awaited<ReturnType<typeof find>>) => r.councils.map((c) => c.code);

describe('councils', () => {
  test.each([
    ['Leed', 'LDS'], // type-ahead: a name's prefix
    ['leeds city council', 'LDS'],
    ['RBKC', 'KEC'], // initials the recognition engine knows
    ['B&NES', 'BAS'],
    ['BCP', 'BPC'],
    ['kens', 'KEC'], // a later word's prefix
    ['Dudley MBC', 'DUD'],
  ])('%j -> %s first', async (query, code) => {
    expect(codes(await find(query))[0]).toBe(code);
  });

  test('current councils first; a former council is followed by its successor', async () => {
    const result = await find('Somerset');
    expect(result.councils.slice(0, 3).map((c) => [c.code, c.current])).toEqual([
      ['SMT', true],
      ['NSM', true],
      ['BAS', true],
    ]);
    expect(result.councils.filter((c) => !c.current).map((c) => c.code)).toContain('SOM');
    const taunton = await find('Taunton Deane');
    expect(taunton.councils.map((c) => [c.code, c.current, c.matched])).toEqual([
      ['TAU', false, 'Taunton Deane'],
      ['SMT', true, 'Taunton Deane'],
    ]);
  });

  test('an entry carries what the popup lists', async () => {
    expect((await find('Leed')).councils[0]).toEqual({
      code: 'LDS',
      name: 'Leeds City Council',
      kind: 'council',
      type: 'metropolitan-district',
      current: true,
      matched: 'Leeds',
    });
  });
});

describe('suppliers', () => {
  test.each([
    ['rsm', 'ch:OC325346', 'RSM UK Ltd'],
    ['OC325346', 'ch:OC325346', 'RSM UK Ltd'],
    ['7161527', 'ch:07161527', 'Tyrus Limited'], // a number without its leading zero
    ['senator group', 'ch:01323955', 'Senator International Limited Trading As The Senator Group'], // trading name
    ['tencer', 'name:tencer', 'Tencer Ltd'],
    ['reed spec', 'name:reed specialist recruitment', 'REED SPECIALIST RECRUITMENT LTD'],
  ])('%j -> %s', async (query, key, name) => {
    expect((await find(query)).suppliers[0]).toMatchObject({ key, name });
  });

  test('a hit counts council contracts and councils', async () => {
    expect((await find('tencer')).suppliers).toEqual([{ key: 'name:tencer', name: 'Tencer Ltd', companiesHouse: null, awards: 2, councils: 1 }]);
  });

  test('only council award and contract notices count', async () => {
    await db.notices.bulkPut([
      toNoticeRow(awardNotice('q-tender', { stage: 'tender', suppliers: [{ name: 'Quokka Tender Ltd' }] }), 'sync'),
      toNoticeRow(awardNotice('q-nhs', { buyer: { name: 'NHS Leeds' }, suppliers: [{ name: 'Quokka Hospital Ltd' }] }), 'sync'),
      toNoticeRow(awardNotice('q-award', { stage: 'contract', suppliers: [{ name: 'Quokka Contract Ltd' }] }), 'sync'),
    ]);
    // The write marks the index stale: the next search sees it.
    expect((await find('quokka')).suppliers.map((s) => s.name)).toEqual(['Quokka Contract Ltd']);
  });
});

describe('the query', () => {
  test('empty or blank: nothing', async () => {
    expect(await find('')).toEqual({ query: '', councils: [], suppliers: [] });
    expect(await find('   ')).toEqual({ query: '   ', councils: [], suppliers: [] });
  });

  test('limit caps each list', async () => {
    const wide = await find('c', 50);
    expect(wide.councils.length).toBeGreaterThan(3);
    expect(wide.suppliers.length).toBeGreaterThan(3);
    const narrow = await find('c', 3);
    expect(narrow.councils).toEqual(wide.councils.slice(0, 3));
    expect(narrow.suppliers).toEqual(wide.suppliers.slice(0, 3));
  });

  test('is instant on the seed once the index is built', async () => {
    await cache.get();
    const started = performance.now();
    for (const q of ['Leed', 'RBKC', 'somerset', 'tencer', 'care', 'OC325346']) await find(q);
    expect((performance.now() - started) / 6).toBeLessThan(10);
  });
});

describe('the supplier index cache', () => {
  test('a restarted background builds from the snapshot while the notices are unchanged, and from the rows after a change', async () => {
    const first = createSupplierIndexCache(db);
    const before = await first.get();
    // A new cache on the same database: what a restarted service worker sees.
    const restarted = createSupplierIndexCache(db);
    const again = await restarted.get();
    expect(restarted.lastBuild?.from).toBe('snapshot');
    expect(again.groups.map((g) => [g.key, g.names, g.ocids])).toEqual(before.groups.map((g) => [g.key, g.names, g.ocids]));

    await db.notices.put(toNoticeRow(awardNotice('w-1', { suppliers: [{ name: 'Wombat Works Ltd', companiesHouse: '07654321' }] }), 'sync'));
    expect((await restarted.get()).resolve('Wombat Works')?.key).toBe('ch:07654321');
    expect(restarted.lastBuild?.from).toBe('notices');
    // Same instance, nothing changed since: the index in memory, no rebuild.
    const build = restarted.lastBuild;
    await restarted.get();
    expect(restarted.lastBuild).toBe(build);
    // A snapshot of other notices is not used.
    const third = createSupplierIndexCache(db);
    await db.notices.delete('w-1');
    expect((await third.get()).resolve('Wombat Works')).toBeNull();
    expect(third.lastBuild?.from).toBe('notices');
  });

  test('concurrent searches share one build', async () => {
    const cache = createSupplierIndexCache(db);
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
  });
});
