import { buildCouncilCard, type CouncilCard } from '@/lib/councils/card';
import type { Knowledge } from '../knowledge';

/** The card for one council by register code, or null for an unknown code. */
export function getCouncilCard(code: string, knowledge: Knowledge): CouncilCard | null {
  const council = knowledge.register.byCode(code);
  return council ? buildCouncilCard(council, knowledge.register, knowledge.services) : null;
}
