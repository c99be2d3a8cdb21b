import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { CardService, CouncilCard } from '@/lib/councils/card';
import { formatCounty } from '@/components/format';
import { groupServices } from './group-services';

interface ServicesListProps {
  services: CardService[];
  tier: CouncilCard['tier'];
  /** The service group of the person (or notice) on the page: listed first in its group and marked. */
  focus?: string | null;
}

/**
 * What the council runs, grouped the way a supplier asks the question: does this council buy it,
 * or another one? A district's county-run groups go under one "Provided by <county>" line.
 */
export function ServicesList({ services, tier, focus = null }: ServicesListProps) {
  const { runs, runsPart, providedBy, elsewhere } = groupServices(services, focus);
  const item = (service: CardService, extra?: ComponentChildren) => (
    <li key={service.id} class={service.id === focus ? 'cl-services__item--focus' : undefined}>
      {service.label}
      {service.id === focus && <span class="cl-services__focus"> (their service)</span>}
      {extra}
    </li>
  );
  return (
    <div class="cl-services">
      {runs.length > 0 && (
        <ServiceGroup title={runsPart.length > 0 ? 'Runs all of' : 'Runs'}>
          {runs.map((service) => item(service))}
        </ServiceGroup>
      )}
      {runsPart.length > 0 && (
        <ServiceGroup title="Runs part of">
          {runsPart.map((service) =>
            item(
              service,
              <>
                {/* Spaces keep the words apart when read aloud or copied; the notes are blocks on screen. */}
                {service.note && <span class="cl-services__note"> {service.note}</span>}
                {service.providedBy && !mentions(service.note, service.providedBy.name) && (
                  <span class="cl-services__note"> Shared with {formatCounty(service.providedBy)}</span>
                )}
              </>,
            ),
          )}
        </ServiceGroup>
      )}
      {providedBy.map(({ provider, services: provided }) => (
        <ServiceGroup key={provider.code} title={`Provided by ${formatCounty(provider)}`}>
          {provided.map((service) => item(service))}
        </ServiceGroup>
      ))}
      {elsewhere.length > 0 && (
        <ServiceGroup title={tier === 'upper' ? 'Run by the district councils' : 'Not run by this council'}>
          {elsewhere.map((service) => item(service))}
        </ServiceGroup>
      )}
    </div>
  );
}

function ServiceGroup({ title, children }: { title: string; children: ComponentChildren }) {
  const titleId = useId();
  return (
    <div class="cl-services__group">
      <p class="cl-services__group-title" id={titleId}>
        {title}
      </p>
      <ul class="cl-services__list" aria-labelledby={titleId}>
        {children}
      </ul>
    </div>
  );
}

function mentions(note: string | null, name: string): boolean {
  return note !== null && note.toLowerCase().includes(name.toLowerCase());
}
