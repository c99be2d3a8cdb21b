import { z } from 'zod';
import { NoticeSchema } from '@/lib/ocds/notice';

/** Shape of public/data/notices-seed.json (built by lib/dataset/build-seed.ts, read by the background). */
export const SeedFileSchema = z.object({
  /** What the snapshot was built from, for the options page and the README. */
  sources: z.array(z.string()),
  notices: z.array(NoticeSchema),
});
export type SeedFile = z.infer<typeof SeedFileSchema>;
