/**
 * Origins the published snapshot is read from (the optional host permission asked for at the
 * click, declared in wxt.config.ts): its own, and GitHub's download hosts when it is a release
 * asset (github.com answers a release download with a redirect to them).
 */
export function snapshotOrigins(url: string): string[] {
  const { origin, hostname } = new URL(url);
  return hostname === 'github.com' ? [`${origin}/*`, 'https://release-assets.githubusercontent.com/*', 'https://objects.githubusercontent.com/*'] : [`${origin}/*`];
}
