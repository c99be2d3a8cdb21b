import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@/lib/dataset/read-inputs';

/** The text of a committed file under public/data. */
export function readCommitted(name: 'councils.json' | 'services.json'): string {
  return readFileSync(path.join(REPO_ROOT, 'public', 'data', name), 'utf8');
}
