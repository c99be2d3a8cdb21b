import { useState } from 'preact/hooks';
import { describe, expect, test, vi } from 'vitest';
import { CouncilSitesSetting, type CouncilSitesSettingProps } from '@/components/site-badge/council-sites-setting';
import { SiteBadge, siteSubject } from '@/components/site-badge/site-badge';
import { ashfordCard, kentCard, leedsCard } from '../../fixtures/preview-data';
import type { CouncilCard } from '@/lib/councils/card';
import { accessibleName, click, headings, isHidden, mount, press, seenText } from '../../support/dom';

// A shared-service pair from the preview cards (the real one is Adur and Worthing, in the e2e test).
const adur: CouncilCard = { ...ashfordCard, code: 'ADU', officialName: 'Adur District Council', niceName: 'Adur', domain: 'adur-worthing.gov.uk' };
const worthing: CouncilCard = { ...ashfordCard, code: 'WOT', officialName: 'Worthing Borough Council', niceName: 'Worthing', domain: 'adur-worthing.gov.uk' };

function Badge(props: { cards: CouncilCard[]; collapsed?: boolean; onToggle?: (next: boolean) => void }) {
  const [collapsed, setCollapsed] = useState(props.collapsed ?? true);
  return (
    <SiteBadge
      cards={props.cards}
      collapsed={collapsed}
      onToggle={(next) => {
        props.onToggle?.(next);
        setCollapsed(next);
      }}
    />
  );
}

const toggle = (root: ParentNode) => root.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
const body = (root: ParentNode) => root.ownerDocument!.getElementById(toggle(root).getAttribute('aria-controls')!)!;

describe('SiteBadge', () => {
  test.each([
    [[leedsCard], 'Leeds City Council'],
    [[adur, worthing], 'Adur and Worthing councils'],
    [[adur, worthing, kentCard], 'Adur, Worthing and Kent councils'],
  ])('names the site %#: %s', (cards, expected) => {
    expect(siteSubject(cards)).toBe(expected);
  });

  test('collapsed: a labelled region with one button naming the council, the card hidden', () => {
    const root = mount(<Badge cards={[leedsCard]} />);
    expect(root.querySelector('aside')?.getAttribute('aria-label')).toBe('Council Lens');
    expect(seenText(toggle(root))).toBe('Council Lens · Leeds City Council');
    expect(accessibleName(toggle(root))).toBe('Council Lens: Leeds City Council');
    expect(toggle(root).getAttribute('aria-expanded')).toBe('false');
    expect(body(root).hidden).toBe(true);
  });

  test('a click opens the compact card; Escape inside collapses it and returns focus', () => {
    const onToggle = vi.fn();
    const root = mount(<Badge cards={[leedsCard]} onToggle={onToggle} />);
    click(toggle(root));
    expect(onToggle).toHaveBeenLastCalledWith(false);
    expect(isHidden(root.querySelector('h2')!)).toBe(false);
    expect(headings(body(root))[0]).toBe('h2: Leeds City Council');
    press(body(root).querySelector('summary')!, 'Escape');
    expect(onToggle).toHaveBeenLastCalledWith(true);
    expect(toggle(root).getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle(root));
  });

  test('a shared site shows every council, each with its own card', () => {
    const root = mount(<Badge cards={[adur, worthing]} collapsed={false} />);
    expect(seenText(body(root))).toContain('This website is shared by 2 councils.');
    expect(headings(body(root)).filter((h) => h.startsWith('h2'))).toEqual(['h2: Adur District Council', 'h2: Worthing Borough Council']);
  });
});

function Setting(props: Partial<CouncilSitesSettingProps>) {
  return <CouncilSitesSetting enabled={false} busy={false} message="" siteCount={379} onChange={() => undefined} {...props} />;
}

const checkbox = (root: ParentNode) => root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

describe('CouncilSitesSetting', () => {
  test('off by default, says what it reads and that nothing is sent', () => {
    const root = mount(<Setting />);
    expect(checkbox(root).checked).toBe(false);
    expect(seenText(root.querySelector('label')!)).toBe('Show the council card on council websites');
    const text = seenText(root);
    expect(text).toContain('permission to run on 379 council websites');
    expect(text).toContain("reads only the page's address");
    expect(text).toContain('sends nothing anywhere');
  });

  test('a click asks; the box stays as it was until the answer comes back', () => {
    const onChange = vi.fn();
    const root = mount(<Setting onChange={onChange} />);
    click(checkbox(root));
    expect(onChange).toHaveBeenCalledWith(true);
    expect(checkbox(root).checked).toBe(false);
  });

  test.each([
    [{ enabled: null }, true],
    [{ busy: true }, true],
    [{ enabled: true }, false],
  ])('disabled while reading or asking: %j -> %s', (props, disabled) => {
    expect(checkbox(mount(<Setting {...props} />)).disabled).toBe(disabled);
  });

  test('the outcome is announced', () => {
    const root = mount(<Setting message="Not turned on: the browser’s permission was not given." />);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Not turned on: the browser’s permission was not given.');
  });
});
