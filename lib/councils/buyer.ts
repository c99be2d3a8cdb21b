import type { CouncilHit, CouncilIndex } from './council-index';

/**
 * The lowest confidence at which a buyer field that is exactly a place name counts: resolveName
 * gives such a name 0.65, or 0.6 for a short form of the council's name ("Bath", "Epsom"), 0.62
 * when the only other reading is an abolished council ("Somerset"), and 0.55 or less when two
 * living councils share it ("Kingston"), which must stay unresolved.
 */
export const WHOLE_PLACE_MIN_CONFIDENCE = 0.6;

/**
 * A buyer name -> today's council code, for procurement notices. A principal council only (not a
 * combined authority), at medium confidence or better; an abolished council maps to its one current
 * successor, and keeps its own code when it split (Cumbria, Northamptonshire), so nothing is
 * attributed to the wrong successor.
 *
 * A buyer field that is exactly a council's place name ("Tower Hamlets", a Find a Tender 2026
 * buyer in tests/fixtures/recognition/buyers-fts-2026.csv) also counts, down to
 * {@link WHOLE_PLACE_MIN_CONFIDENCE}: in that field the place is the organisation buying. resolveName
 * already returns nothing for a place with an organisation word ("Tower Hamlets Homes", "Barnsley
 * Hospital NHS Foundation Trust") or a town or parish council ("Frome Town Council").
 */
export function buyerCouncilResolver(index: Pick<CouncilIndex, 'resolveName'>, minConfidence = 0.7): (name: string) => string | null {
  return (name) => {
    const whole = name.trim();
    const hit = index.resolveName(name).find((h) => h.kind === 'council' && (h.confidence >= minConfidence || isWholePlace(h, whole)));
    if (!hit) return null;
    if (hit.current) return hit.code;
    return hit.currentSuccessors.length === 1 ? hit.currentSuccessors[0]! : hit.code;
  };
}

/** A bare place name that is the whole buyer field, named by no two living councils. */
function isWholePlace(hit: CouncilHit, whole: string): boolean {
  return hit.via === 'place-name' && hit.matched === whole && hit.confidence >= WHOLE_PLACE_MIN_CONFIDENCE;
}
