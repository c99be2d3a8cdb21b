import { leadSearchUrl } from '@/lib/leads/linkedin-search';
import { ExternalLink } from '@/components/ui/external-link';

export interface LeadSearchLinkProps {
  councilName: string;
  group: { id: string; label: string } | null;
  /** Another wording for the same search, e.g. on a saved prospect. */
  label?: string;
}

/**
 * "Find the adult social care lead on LinkedIn": LinkedIn's people search for the council and
 * the service's lead titles. A plain link the user opens; nothing is fetched from LinkedIn.
 */
export function LeadSearchLink({ councilName, group, label: given }: LeadSearchLinkProps) {
  const label = given ?? (group ? `Find the ${group.label.charAt(0).toLowerCase()}${group.label.slice(1)} lead on LinkedIn` : 'Find its heads of service on LinkedIn');
  return <ExternalLink href={leadSearchUrl(councilName, group?.id ?? null)}>{label}</ExternalLink>;
}
