import type { DatasetStatus } from '@/lib/protocol';
import type { CouncilLensDB } from '../db';
import { datasetMeta } from '../refresh/load-datasets';

/** How much of the packaged data is cached, for the options page. */
export async function getStatus(db: CouncilLensDB): Promise<DatasetStatus> {
  const [councils, serviceGroups, notices, meta] = await Promise.all([
    db.councils.count(),
    db.serviceGroups.count(),
    db.notices.count(),
    datasetMeta(db),
  ]);
  return { councils, serviceGroups, notices, loadedVersion: meta?.version ?? null };
}
