/**
 * High (>= 0.85): council words present. Medium (>= 0.6): a place name that probably means its
 * council. Low: doubtful. Its own module so the card (in content scripts) can use it without the
 * recogniser.
 */
export function confidenceBand(confidence: number): 'high' | 'medium' | 'low' {
  return confidence >= 0.85 ? 'high' : confidence >= 0.6 ? 'medium' : 'low';
}
