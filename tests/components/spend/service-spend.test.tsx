import { beforeEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ServiceSpend, SpendBySection } from '@/components/spend/service-spend';
import { councilSpendData } from '@/lib/spend/summary';
import { mount, seenText } from '../../support/dom';
import { register, spendFile } from '../../lib/business-case/sample';

const card = (code: string) => {
  const c = register.find((x) => x.code === code)!;
  return { code, officialName: c.officialName, population: c.population, kind: c.kind };
};
const asked: unknown[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  asked.length = 0;
  // The background's answer, from the committed spend.json, through the real messaging layer.
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string; council?: string; serviceGroup?: string | null }, _sender: unknown, sendResponse: (r: unknown) => void) => {
    asked.push(message);
    if (message.type === 'getCouncilSpend') {
      const nation = register.find((c) => c.code === message.council)!.nation;
      sendResponse({ ok: true, value: councilSpendData(spendFile, message.council!, nation) });
    } else sendResponse({ ok: true, value: { opened: true } });
    return true;
  }) as never);
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('the card’s spend line, lead search and business case', () => {
  test('Leeds, adult social care: the spend line, the LinkedIn search and the button', async () => {
    const root = mount(<ServiceSpend card={card('LDS')} group={{ id: 'adult-social-care', label: 'Adult social care' }} />);
    await settle();
    expect(seenText(root)).toMatch(/^Spends £\d+m a year on adult social care \(2024-25, net\), \d+% of its service spending, (up|down) \d+% on 2022-23; £\d+ per resident\./);
    const link = root.querySelector<HTMLAnchorElement>('a')!;
    expect(seenText(link)).toBe('Find the adult social care lead on LinkedIn');
    expect(new URL(link.href).searchParams.get('keywords')).toContain('"Leeds City Council"');
    expect(link.rel).toBe('noopener noreferrer');
    root.querySelector('button')!.click();
    await settle();
    expect(asked).toContainEqual({ type: 'openBusinessCase', council: 'LDS', serviceGroup: 'adult-social-care' });
  });

  test('Glasgow, children’s social care: says it is summed with adults’, and names the source', async () => {
    const root = mount(<ServiceSpend card={card('GLG')} group={{ id: 'childrens-social-care', label: "Children's social care and early help" }} />);
    await settle();
    expect(seenText(root)).toContain('Social work for children and adults is one line in Scotland’s figures');
    expect(seenText(root)).toContain('Source: Scottish Local Government Finance Statistics');
  });

  test('no service known: no spend line, a general search for heads of service', async () => {
    const root = mount(<ServiceSpend card={card('KEN')} group={null} />);
    await settle();
    expect(seenText(root.querySelector('a')!)).toBe('Find its heads of service on LinkedIn');
    expect(asked.filter((m) => (m as { type: string }).type === 'getCouncilSpend')).toEqual([]);
  });

  test('the table by service: a row per line with spending, the total last', async () => {
    const root = mount(<SpendBySection card={card('KEN')} />);
    await settle();
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('th')!.textContent);
    expect(rows[0]).toBe('Education services');
    expect(rows.at(-1)).toBe('Total service expenditure');
    expect(rows).not.toContain('Police services');
  });
});
