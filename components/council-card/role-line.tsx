import type { Role } from '@/lib/roles/role';
import type { CouncilMatch } from '@/lib/councils/card';
import { whoRuns, whoRunsSentence, type ProvisionContext } from '@/lib/councils/who-runs';
import { Badge } from '@/components/ui/badge';
import { DotSeparated } from '@/components/ui/dot-separated';
import { Heading, type HeadingLevel } from '@/components/ui/heading';

interface RoleLineProps {
  role: Role;
  headingLevel: HeadingLevel;
  /** The card's council: checks that it runs the person's service (issue 2: "flag a mismatch"). */
  council?: ProvisionContext | null;
  /** How the page named the council; a council found only in the page text may not be their employer. */
  match?: Pick<CouncilMatch, 'source'> | null;
}

/**
 * What the person's job title means for a supplier: service group, seniority and the plain
 * guidance sentence. Service leads (heads of service, assistant directors, directors of a service)
 * stand out, because they are the people to approach (issue 3). When the council does not run
 * the person's service (housing at a county, adult social care at a district) the line says who
 * does instead of calling them its budget holder.
 */
export function RoleLine({ role, headingLevel, council, match }: RoleLineProps) {
  const meta = [role.serviceGroup?.label, role.seniority?.label].filter((part): part is string => Boolean(part));
  const check = council && role.serviceGroup && match?.source !== 'text' ? whoRuns(council, role.serviceGroup.id, role.title) : null;
  const provision = council && check ? whoRunsSentence(council, check) : null;
  const notRun = check?.kind === 'not-run' && provision !== null;
  const lead = role.isServiceLead && !notRun;
  return (
    <section class={`cl-role${lead ? ' cl-role--lead' : ''}${notRun ? ' cl-role--mismatch' : ''}`} aria-label="Their role">
      <div class="cl-role__head">
        <Heading level={headingLevel} class="cl-role__title">
          {role.title}
        </Heading>
        {lead && <Badge tone="lead">Likely budget holder</Badge>}
      </div>
      {meta.length > 0 && (
        <p class="cl-role__meta">
          <DotSeparated parts={meta.map((part) => <span>{part}</span>)} />
        </p>
      )}
      {notRun ? (
        <p class="cl-role__guidance cl-role__mismatch">{provision}</p>
      ) : (
        <>
          {/* The badge already says "Likely budget holder" and the line above names the service (issue 12: said twice). */}
          {role.guidance && !(lead && /^Likely budget holder\b/.test(role.guidance)) && <p class="cl-role__guidance">{role.guidance}</p>}
          {provision && <p class="cl-role__provision">{provision}</p>}
        </>
      )}
    </section>
  );
}
