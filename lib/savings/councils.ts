import type { Register } from '@/lib/councils/register';
import type { Council } from '@/lib/councils/schema';
import type { NameResolver } from '@/lib/page-context';

/** Turns what a person wrote in a council column ("LDS", "Leeds", "Leeds City Council") into a register code, or null. */
export type CouncilCodeResolver = (value: string) => string | null;

/** Below this the recognition engine is guessing (lib/councils/buyer.ts uses the same bar for buyer names). */
const MIN_NAME_CONFIDENCE = 0.7;

/**
 * Today's council for a named one: itself when current, else its one current successor. A council
 * that split (Cumbria, Northamptonshire) keeps its own code, so a saving is never pinned on the
 * wrong successor.
 */
export function currentCode(register: Pick<Register, 'byCode' | 'currentSuccessors'>, council: Council): string {
  if (council.current) return council.code;
  const now = register.currentSuccessors(council);
  return now.length === 1 ? now[0]!.code : council.code;
}

/**
 * The council resolver for savings imports, over the real register and recognition engine:
 * 1. a register code as written (`LDS`, `lds`), kept as is so exported files read back unchanged;
 * 2. any name the register lists (official, nice, alternative names), a current council winning;
 * 3. any name the recognition engine resolves at confidence 0.7 or more ("Leeds CC", "LB Camden").
 * Names of abolished councils give today's council when there is exactly one.
 *
 * @example savingsCouncilResolver(register, createCouncilIndex(file))('Leeds City Council') // 'LDS'
 */
export function savingsCouncilResolver(
  register: Pick<Register, 'byCode' | 'lookupName' | 'currentSuccessors'>,
  names: Pick<NameResolver, 'resolveName'>,
): CouncilCodeResolver {
  return (value) => {
    const text = value.trim();
    if (text === '') return null;
    const asCode = register.byCode(text.toUpperCase());
    if (asCode && /^[A-Za-z]{2,5}(-[A-Za-z])?$/.test(text)) return asCode.code;
    const named = register.lookupName(text);
    if (named) return currentCode(register, named);
    const hit = names.resolveName(text).find((h) => h.confidence >= MIN_NAME_CONFIDENCE);
    const council = hit ? register.byCode(hit.code) : null;
    return council ? currentCode(register, council) : null;
  };
}
