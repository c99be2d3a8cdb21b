import { useEffect, useState } from 'preact/hooks';
import { ask } from '@/lib/extension/messaging';
import { businessCaseModel, type BusinessCaseModel } from '@/lib/business-case/model';
import { SERVICE_GROUPS } from '@/lib/roles/groups';
import { localDate } from '@/lib/ocds/dates';
import { BusinessCaseView } from '@/components/spend/business-case-view';
import { EmptyState } from '@/components/ui/empty-state';
import { errorText } from '@/components/format';
import { downloadText } from '@/components/file-transfer';

type Loaded = { state: 'loading' } | { state: 'error'; detail: string } | { state: 'ready'; model: BusinessCaseModel };

/** Gathers the council's figures from the background and builds the workbook's content. */
async function load(search: string): Promise<BusinessCaseModel> {
  const params = new URLSearchParams(search);
  const code = params.get('council');
  if (!code) throw new Error('No council was given: open the business case from a council card.');
  const groupId = params.get('group');
  const group = SERVICE_GROUPS.find((g) => g.id === groupId) ?? null;
  const [card, spend, timing] = await Promise.all([
    ask({ type: 'getCouncilCard', code }),
    ask({ type: 'getCouncilSpend', council: code }),
    ask({ type: 'getTiming', council: code, serviceGroup: group?.id ?? null }),
  ]);
  if (!card) throw new Error(`Council Lens does not know the council "${code}".`);
  const synced = card.procurement?.lastSyncedAt ?? null;
  return businessCaseModel({
    council: { code: card.code, name: card.officialName, typeLabel: card.typeLabel, population: card.population, nation: card.nation },
    group: group ? { id: group.id, label: group.label } : null,
    spend,
    timing,
    openTenders: card.procurement?.openTenders ?? [],
    noticesAsOf: synced ? localDate(synced) : null,
    today: localDate(Date.now()),
  });
}

/** Saves the workbook: exceljs is loaded here, on the click, in its own chunk. */
async function download(model: BusinessCaseModel): Promise<void> {
  const { writeBusinessCase } = await import('@/lib/business-case/write-xlsx');
  const bytes = await writeBusinessCase(model);
  downloadText(model.filename, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    load(location.search).then(
      (model) => {
        setLoaded({ state: 'ready', model });
        document.title = `${model.title} · Council Lens`;
      },
      (e: unknown) => setLoaded({ state: 'error', detail: errorText(e) }),
    );
  }, []);
  if (loaded.state === 'loading') return <p aria-busy="true">Gathering the council’s figures…</p>;
  if (loaded.state === 'error') return <EmptyState title="Couldn’t prepare the business case" headingLevel={1} tone="error">{loaded.detail}</EmptyState>;
  return <BusinessCaseView model={loaded.model} onDownload={() => download(loaded.model)} />;
}
