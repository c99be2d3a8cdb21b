import type { ServicesFile } from '@/lib/councils/schema';
import type { Role } from '@/lib/protocol';

// TODO [2026-11-23]: classify the title once lib/roles lands (issue 3); until then no role line.
export function toRole(_title: string, _services: ServicesFile): Role | null {
  return null;
}
