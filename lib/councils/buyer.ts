import type { CouncilIndex } from '@/lib/councils';

/**
 * A buyer name -> today's council code, for procurement notices. A principal council only (not a
 * combined authority), at medium confidence or better; an abolished council maps to its one current
 * successor, and keeps its own code when it split (Cumbria, Northamptonshire), so nothing is
 * attributed to the wrong successor.
 */
export function buyerCouncilResolver(index: Pick<CouncilIndex, 'resolveName'>, minConfidence = 0.7): (name: string) => string | null {
  return (name) => {
    const hit = index.resolveName(name).find((h) => h.kind === 'council' && h.confidence >= minConfidence);
    if (!hit) return null;
    if (hit.current) return hit.code;
    return hit.currentSuccessors.length === 1 ? hit.currentSuccessors[0]! : hit.code;
  };
}
