/**
 * The store listing texts (issue 16) from their one source, store/listing.md: read into sections,
 * checked against the built manifests (every permission asked for is justified, and nothing
 * else), and written out as each store's form asks for them. Node-only, like lib/dataset.
 */

export interface Listing {
  name: string;
  shortDescription: string;
  singlePurpose: string;
  longDescription: string;
  /** Permission (or `host_permissions`, `optional_host_permissions`) -> why. */
  permissions: Record<string, string>;
  privacy: string;
}

/** What a manifest asks for, as the listing must justify it. */
export interface ManifestAsks {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

/** Chrome Web Store's limit on the short description ("summary"); Firefox Add-ons allows 250. */
export const MAX_SHORT_DESCRIPTION = 132;

const SECTIONS = { Name: 'name', 'Short description': 'shortDescription', 'Single purpose': 'singlePurpose', 'Long description': 'longDescription', Permissions: 'permissions', 'Privacy practices': 'privacy' } as const;

/** The `## ` sections of the source, by title, their text trimmed; comments and the `# ` title dropped. */
function sections(source: string): Map<string, string> {
  const out = new Map<string, string>();
  let title: string | null = null;
  let lines: string[] = [];
  const flush = () => title !== null && out.set(title, lines.join('\n').trim());
  for (const line of source.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/)) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      flush();
      title = heading[1]!.trim();
      lines = [];
    } else if (title !== null) lines.push(line);
  }
  flush();
  return out;
}

/** Reads store/listing.md; throws naming every missing section or malformed permission line. */
export function parseListing(source: string): Listing {
  const found = sections(source);
  const problems: string[] = [];
  const text = (title: keyof typeof SECTIONS) => {
    const value = found.get(title);
    if (!value) problems.push(`missing section "## ${title}"`);
    return value ?? '';
  };
  const permissions: Record<string, string> = {};
  for (const line of text('Permissions').split('\n').filter((l) => l.trim())) {
    const m = /^- `([\w.]+)`: (.+)$/.exec(line.trim());
    if (m) permissions[m[1]!] = m[2]!.trim();
    else problems.push(`a permission line must read "- \`name\`: why", not "${line.trim()}"`);
  }
  const listing = {
    name: text('Name'),
    shortDescription: text('Short description').replace(/\s+/g, ' '),
    singlePurpose: text('Single purpose').replace(/\s+/g, ' '),
    longDescription: text('Long description'),
    permissions,
    privacy: text('Privacy practices'),
  };
  if (listing.shortDescription.length > MAX_SHORT_DESCRIPTION) problems.push(`the short description is ${listing.shortDescription.length} characters; the Chrome Web Store allows ${MAX_SHORT_DESCRIPTION}`);
  if (problems.length > 0) throw new Error(`store/listing.md: ${problems.join('; ')}`);
  return listing;
}

/** What each manifest asks for that the listing does not justify, and what it justifies that no manifest asks for. */
export function checkPermissions(listing: Listing, manifests: readonly ManifestAsks[]): string[] {
  const asked = new Set<string>();
  for (const m of manifests) {
    for (const p of m.permissions ?? []) asked.add(p);
    if (m.host_permissions?.length) asked.add('host_permissions');
    if (m.optional_host_permissions?.length) asked.add('optional_host_permissions');
  }
  const justified = new Set(Object.keys(listing.permissions));
  return [
    ...[...asked].filter((p) => !justified.has(p)).map((p) => `the manifest asks for ${p}, which store/listing.md does not justify`),
    ...[...justified].filter((p) => !asked.has(p)).map((p) => `store/listing.md justifies ${p}, which no manifest asks for`),
  ];
}

const permissionLines = (listing: Listing, manifest: ManifestAsks) => {
  const asked = [...(manifest.permissions ?? []), ...(manifest.host_permissions?.length ? ['host_permissions'] : []), ...(manifest.optional_host_permissions?.length ? ['optional_host_permissions'] : [])];
  return asked.map((p) => `### ${p}\n\n${listing.permissions[p]}`).join('\n\n');
};

/** The Chrome Web Store's form, field by field, for copying in. */
export function chromeWebStoreText(listing: Listing, manifest: ManifestAsks): string {
  return [
    `# ${listing.name}: Chrome Web Store listing`,
    `<!-- Written by npm run zip from store/listing.md; edit that file, not this one. -->`,
    `## Summary (${listing.shortDescription.length}/${MAX_SHORT_DESCRIPTION})\n\n${listing.shortDescription}`,
    `## Description\n\n${listing.longDescription}`,
    `## Privacy: single purpose\n\n${listing.singlePurpose}`,
    `## Privacy: permission justifications\n\n${permissionLines(listing, manifest)}`,
    `## Privacy: data usage\n\n${listing.privacy}`,
  ].join('\n\n') + '\n';
}

/** Firefox Add-ons' form, for copying in. */
export function firefoxAddOnsText(listing: Listing, manifest: ManifestAsks): string {
  return [
    `# ${listing.name}: Firefox Add-ons listing`,
    `<!-- Written by npm run zip from store/listing.md; edit that file, not this one. -->`,
    `## Summary\n\n${listing.shortDescription}`,
    `## Description\n\n${listing.longDescription}`,
    `## Permissions (for the reviewers' notes)\n\n${permissionLines(listing, manifest)}`,
    `## Privacy policy\n\n${listing.privacy}`,
  ].join('\n\n') + '\n';
}
