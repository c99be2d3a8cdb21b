import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '@/lib/dataset/read-inputs';

/** Reads a file of the shared folder (../shared, or $SHARED_DIR) as text, for tests. */
export function readShared(relativePath: string): string {
  return readFileSync(path.join(sharedDir(), relativePath), 'utf8');
}
