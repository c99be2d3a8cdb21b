/**
 * The extension's storage as the browser sees it, from an extension page: how much it uses and
 * whether it is persistent. Asking for persistence (navigator.storage.persist) is a page API, not
 * a service worker's, so the pages that show the cache ask; `unlimitedStorage` in the manifest
 * lifts the quota, and persistence keeps the browser from evicting years of notices under disk pressure.
 */
export async function storageSpace(): Promise<{ usage: number | null; persisted: boolean | null }> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage) return { usage: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    storage.estimate().catch(() => null),
    (storage.persisted?.() ?? Promise.resolve(false)).then((already) => already || (storage.persist?.() ?? Promise.resolve(false))).catch(() => null),
  ]);
  return { usage: estimate?.usage ?? null, persisted };
}
