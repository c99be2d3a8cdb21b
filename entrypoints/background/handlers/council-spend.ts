import { SpendFileSchema, type SpendFile } from '@/lib/spend/schema';
import { councilSpendData, type CouncilSpendData } from '@/lib/spend/summary';

/**
 * public/data/spend.json, read and checked once per service-worker life (it is read-only public
 * data that ships with the extension, so it stays in memory rather than in IndexedDB).
 */
export function createSpendReader(readText: () => Promise<string>) {
  let file: Promise<SpendFile> | null = null;
  return {
    /** One council's figures; a bad or missing file rejects with a clear message (and is read again next time). */
    async forCouncil(code: string, nation: string | null): Promise<CouncilSpendData> {
      file ??= readText()
        .then((text) => {
          const parsed = SpendFileSchema.safeParse(JSON.parse(text));
          if (!parsed.success) throw new Error(`The packaged spend figures are damaged: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
          return parsed.data;
        })
        .catch((error: unknown) => {
          file = null;
          throw error;
        });
      return councilSpendData(await file, code, nation);
    },
  };
}
