import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@/lib/dataset/read-inputs';
import { CouncilsFileSchema } from '@/lib/councils/schema';
import { SpendFileSchema } from '@/lib/spend/schema';
import { councilSpendData } from '@/lib/spend/summary';
import type { BusinessCaseInput } from '@/lib/business-case/model';

const read = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'public', 'data', name), 'utf8'));

/** The committed spend file and register, for tests that need a real council's figures. */
export const spendFile = SpendFileSchema.parse(read('spend.json'));
export const register = CouncilsFileSchema.parse(read('councils.json')).councils;

/**
 * A business case for a real council and service from the committed data (public/data); the
 * savings item and contract are invented in the shape the background returns them.
 */
export function sampleInput(code = 'LDS', group: BusinessCaseInput['group'] = { id: 'adult-social-care', label: 'Adult social care' }): BusinessCaseInput {
  const council = register.find((c) => c.code === code)!;
  return {
    council: { code, name: council.officialName, typeLabel: 'Metropolitan borough', population: council.population, nation: council.nation },
    group,
    spend: councilSpendData(spendFile, code, council.nation),
    timing: {
      council: code,
      serviceGroup: group?.id ?? null,
      savings: [
        {
          id: 's1',
          council: code,
          serviceGroup: 'adult-social-care',
          financialYear: '2027/28',
          amountGbp: 1_200_000,
          kind: 'saving',
          status: 'proposed',
          description: 'Reablement redesign to reduce long-term home care',
          sourceUrl: 'https://democracy.example.gov.uk/budget-2027.pdf',
          addedAt: '2026-11-20T10:00:00.000Z',
          addedBy: 'form',
        },
      ],
      contracts: [
        { end: '2027-09-30', title: 'Home care framework lot 2', supplier: 'Example Care Ltd', url: 'https://www.contractsfinder.service.gov.uk/Notice/abc', serviceGroups: ['adult-social-care'] },
        { end: '2030-03-31', title: 'Day services', serviceGroups: ['adult-social-care'] },
      ],
      otherServices: 0,
    },
    openTenders: [],
    noticesAsOf: null,
    today: '2026-12-06',
  };
}
