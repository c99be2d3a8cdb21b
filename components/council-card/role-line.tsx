import type { Role } from '@/lib/protocol';
import { Badge } from '@/components/ui/badge';
import { Heading, type HeadingLevel } from '@/components/ui/heading';

interface RoleLineProps {
  role: Role;
  headingLevel: HeadingLevel;
}

/**
 * What the person's job title means for a supplier: service group, seniority and the plain
 * guidance sentence. Service leads (heads of service, assistant directors, directors of a service)
 * stand out, because they are the people to approach (issue 3).
 */
export function RoleLine({ role, headingLevel }: RoleLineProps) {
  const meta = [role.serviceGroup?.label, role.seniority?.label].filter((part): part is string => Boolean(part));
  return (
    <section class={`cl-role${role.isServiceLead ? ' cl-role--lead' : ''}`} aria-label="Their role">
      <div class="cl-role__head">
        <Heading level={headingLevel} class="cl-role__title">
          {role.title}
        </Heading>
        {role.isServiceLead && <Badge tone="lead">Likely budget holder</Badge>}
      </div>
      {meta.length > 0 && (
        <p class="cl-role__meta">
          {meta.map((part, i) => (
            <span key={part}>
              {i > 0 && <span aria-hidden="true"> · </span>}
              {i > 0 && <span class="cl-visually-hidden">, </span>}
              {part}
            </span>
          ))}
        </p>
      )}
      {role.guidance && <p class="cl-role__guidance">{role.guidance}</p>}
    </section>
  );
}
