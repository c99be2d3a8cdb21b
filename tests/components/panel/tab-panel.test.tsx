import { describe, expect, test, vi } from 'vitest';
import { TabPanel } from '@/components/panel/tab-panel';
import {
  ashfordProcurement,
  harrogateFormer,
  kentCompanyPage,
  leedsServiceLead,
  noCouncil,
  reading,
  unreadable,
  unsupported,
} from '../../fixtures/preview-data';
import { button, click, facts, headings, mount, namedList, rerender, seenText } from '../../support/dom';

const status = (root: ParentNode) => root.querySelector('[role="status"]')!;
const main = (root: ParentNode) => root.querySelector('main')!;

describe('landmarks and live region', () => {
  test('a banner with the product name, a main region, and a polite status region inside it', () => {
    const root = mount(<TabPanel context={leedsServiceLead} />);
    expect(seenText(root.querySelector('header')!)).toBe('Council Lens');
    expect(root.querySelectorAll('main')).toHaveLength(1);
    expect(status(root).getAttribute('aria-live')).toBe('polite');
    expect(main(root).contains(status(root))).toBe(true);
  });

  test('the status region stays the same element and announces each change in one sentence', () => {
    const root = mount(<TabPanel context={null} loading />);
    const region = status(root);
    expect(region.textContent).toBe('Looking for a council on this page…');
    rerender(root, <TabPanel context={leedsServiceLead} />);
    expect(status(root)).toBe(region);
    expect(region.textContent).toBe('Showing Leeds City Council.');
    rerender(root, <TabPanel context={noCouncil} />);
    expect(region.textContent).toBe('No UK council found on this page.');
  });
});

describe('loading', () => {
  test('a skeleton, marked busy, with the wait said in words', () => {
    const root = mount(<TabPanel context={null} loading />);
    expect(main(root).getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.cl-skeleton')).not.toBeNull();
    expect(root.querySelector('.cl-skeleton [aria-hidden="true"]')).not.toBeNull();
    expect(headings(root)).toEqual([]);
  });

  test('a page view still being read never shows the previous council', () => {
    const root = mount(<TabPanel context={leedsServiceLead} />);
    expect(headings(root)[0]).toBe('h1: Leeds City Council');
    rerender(root, <TabPanel context={reading} />);
    expect(seenText(root)).not.toContain('Leeds City Council');
    expect(root.querySelector('.cl-skeleton')).not.toBeNull();
    expect(main(root).getAttribute('aria-busy')).toBe('true');
    expect(status(root).textContent).toBe('Reading this page…');
  });
});

describe('error', () => {
  test('says what failed, shows the detail, and retries', () => {
    const onRetry = vi.fn();
    const root = mount(<TabPanel context={null} error="Could not establish connection." onRetry={onRetry} />);
    expect(headings(root)).toEqual(['h1: Council Lens couldn’t load this tab']);
    expect(seenText(main(root))).toContain('Details: Could not establish connection.');
    expect(status(root).textContent).toBe('Couldn’t load council details for this tab.');
    click(button(root, 'Try again'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  test('wins over loading and a stale context', () => {
    const root = mount(<TabPanel context={leedsServiceLead} loading error="Timed out" onRetry={() => {}} />);
    expect(headings(root)).toEqual(['h1: Council Lens couldn’t load this tab']);
    expect(root.querySelector('.cl-skeleton')).toBeNull();
    expect(main(root).hasAttribute('aria-busy')).toBe(false);
  });

  test('without onRetry there is no button to press', () => {
    const root = mount(<TabPanel context={null} error="Timed out" />);
    expect(root.querySelector('button')).toBeNull();
  });
});

describe('unsupported', () => {
  test.each([
    ['an unsupported page', unsupported],
    ['no context at all', null],
  ])('%s: says where Council Lens works', (_name, context) => {
    const root = mount(<TabPanel context={context} />);
    expect(headings(root)).toEqual(['h1: Open a LinkedIn profile or company page of someone at a UK council']);
    expect(seenText(main(root))).toContain('A person’s profile: linkedin.com/in/…');
    expect(seenText(main(root))).toContain('A council’s company page: linkedin.com/company/…');
    expect(status(root).textContent).toBe('No supported page in this tab.');
  });
});

describe('unreadable', () => {
  test('says it could not read the page, why, and what to try', () => {
    const root = mount(<TabPanel context={unreadable} />);
    expect(headings(root)).toEqual(['h1: Couldn’t read this page']);
    expect(seenText(main(root))).toContain('could not find the current employer');
    expect(seenText(main(root))).toContain('What to try');
    expect(main(root).querySelectorAll('li')).toHaveLength(3);
    expect(seenText(main(root))).toContain('Reload the page.');
    expect(status(root).textContent).toBe('Couldn’t read this page.');
  });

  test('on a company page it looks for the organisation’s name', () => {
    const root = mount(<TabPanel context={{ ...unreadable, pageKind: 'linkedin-company' }} />);
    expect(seenText(main(root))).toContain('could not find the organisation’s name');
    expect(seenText(main(root))).not.toContain('Experience section');
  });
});

describe('no council', () => {
  test('who the person is, their employer, and that it is not a council', () => {
    const root = mount(<TabPanel context={noCouncil} />);
    expect(headings(root)).toEqual(['h1: No UK council found']);
    const text = seenText(main(root));
    expect(text).toContain('Sophie Turner · Account Director, Public Sector');
    expect(text).toContain('Brightwater Digital Ltd is not a UK council as far as the register knows.');
    expect(text).toContain('Town and parish councils, NHS trusts, police forces and universities are not on the register.');
    expect(namedList(root, 'Previously at:')).toEqual(['Manchester City Council']);
  });

  test('a former council they worked at keeps its own name, with what it is now', () => {
    const previously = [{ code: 'HAG', name: 'Harrogate Borough Council', successors: [{ code: 'NYE', name: 'North Yorkshire Council' }] }];
    const root = mount(<TabPanel context={{ ...noCouncil, previously }} />);
    expect(namedList(root, 'Previously at:')).toEqual(['Harrogate Borough Council (now part of North Yorkshire Council)']);
  });

  test('with no employer read', () => {
    const root = mount(<TabPanel context={{ ...noCouncil, person: { name: 'Sophie Turner', title: null, employer: null }, previously: [] }} />);
    expect(seenText(main(root))).toContain('No current employer on this profile is a UK council');
    expect(root.querySelector('.cl-previously')).toBeNull();
  });
});

describe('council', () => {
  test('the person line, then the card with role and previous councils', () => {
    const root = mount(<TabPanel context={leedsServiceLead} />);
    expect(seenText(root.querySelector('.cl-person')!)).toBe('Amira Hussain works at');
    expect(headings(root)).toEqual(['h1: Leeds City Council', 'h2: Head of Commissioning, Adults and Health']);
    expect(seenText(main(root))).toContain('Likely budget holder Adult social care · Senior manager / head of service');
    expect(seenText(main(root))).toContain('Previously at: City of Bradford Metropolitan District Council');
    expect(facts(root).Population).toBe('798,786');
    // Services fold in the side panel too (issue 12), the person's service named in the summary.
    expect(main(root).querySelector('details')?.open).toBe(false);
  });

  test('a district with its county', () => {
    const root = mount(<TabPanel context={ashfordProcurement} />);
    expect(headings(root)[0]).toBe('h1: Ashford Borough Council');
    expect(facts(root)['Part of']).toBe('Kent County Council');
    expect(namedList(root, 'Provided by Kent County Council')).toHaveLength(4);
  });

  test('a company page has no person line', () => {
    const root = mount(<TabPanel context={kentCompanyPage} />);
    expect(root.querySelector('.cl-person')).toBeNull();
    expect(headings(root)).toEqual(['h1: Kent County Council']);
    expect(seenText(main(root))).toContain('Found as “Kent County Council” on the company page.');
  });

  test('an abolished council on the profile shows today’s council with a notice', () => {
    const root = mount(<TabPanel context={harrogateFormer} />);
    expect(headings(root)[0]).toBe('h1: North Yorkshire Council');
    expect(seenText(main(root))).toContain(
      'Named as Harrogate Borough Council, abolished 1 April 2023; now part of North Yorkshire Council.',
    );
  });

  test('a person line keeps the title when there is no role line', () => {
    const root = mount(<TabPanel context={{ ...leedsServiceLead, role: null }} />);
    expect(seenText(root.querySelector('.cl-person')!)).toBe(
      'Amira Hussain (Head of Commissioning, Adults and Health) works at',
    );
  });

  test('a council found only in the page text is not said to employ the person', () => {
    const match = { matchedText: 'Leeds City Council', former: null, source: 'text' as const };
    const root = mount(<TabPanel context={{ ...leedsServiceLead, match }} />);
    expect(seenText(root.querySelector('.cl-person')!)).toBe('Amira Hussain: council named on the profile');
  });
});
