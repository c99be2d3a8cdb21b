import { toCsv, toJson } from '@/lib/savings/export';
import type { CouncilLensDB } from '../db';
import { listSavings } from './list-savings';

export async function exportSavings(db: CouncilLensDB, format: 'csv' | 'json', now: Date): Promise<{ text: string; filename: string; mime: string }> {
  const items = await listSavings(db);
  const date = now.toISOString().slice(0, 10);
  return format === 'csv'
    ? { text: toCsv(items), filename: `council-lens-savings-${date}.csv`, mime: 'text/csv' }
    : { text: toJson(items), filename: `council-lens-savings-${date}.json`, mime: 'application/json' };
}
