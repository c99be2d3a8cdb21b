import { describe, expect, test } from 'vitest';
import { icsEscape, icsFold, workspaceToIcs } from '@/lib/workspace';
import { annotation, CF_KEY, FTS_KEY, prospect } from './support';

interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  type: string;
  props: Prop[];
  children: Component[];
}

/** A small RFC 5545 reader: checks line ends and octet lengths, unfolds, and nests components. */
function parseIcs(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const root: Component = { type: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const line of logical) {
    const m = /^([A-Z-]+)((?:;[A-Z-]+=[^;:]*)*):(.*)$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, name, rawParams, value] = m!;
    if (name === 'BEGIN') {
      const c: Component = { type: value!, props: [], children: [] };
      stack.at(-1)!.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      expect(stack.pop()!.type).toBe(value);
    } else {
      const params = Object.fromEntries(rawParams!.split(';').filter(Boolean).map((p) => p.split('=') as [string, string]));
      stack.at(-1)!.props.push({ name: name!, params, value: value! });
    }
  }
  expect(stack).toHaveLength(1);
  return root.children[0]!;
}

/** TEXT unescaping; also checks no unescaped , or ; is left. */
function unescapeText(value: string): string {
  expect(value).not.toMatch(/(^|[^\\])(\\\\)*[,;]/);
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const prop = (c: Component, name: string): Prop | undefined => c.props.find((p) => p.name === name);

const NOW = Date.parse('2026-11-30T09:00:00.000Z');

describe('escaping and folding', () => {
  test.each([
    ['a,b;c\\d', 'a\\,b\\;c\\\\d'],
    ['line1\nline2\r\nline3', 'line1\\nline2\\nline3'],
    ['plain', 'plain'],
  ])('%j -> %j', (input, output) => {
    expect(icsEscape(input)).toBe(output);
  });

  test('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = icsFold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(icsFold('SHORT:x')).toBe('SHORT:x');
    expect(icsFold('X:'.padEnd(75, 'a'))).toBe('X:'.padEnd(75, 'a'));
  });

  test('emoji (4 octets, 2 UTF-16 units) are not split', () => {
    const line = `DESCRIPTION:${'🎯'.repeat(40)}`;
    const parts = icsFold(line).split('\r\n');
    for (const p of parts) {
      expect(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/.test(p)).toBe(false);
      expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

describe('workspaceToIcs', () => {
  const long = 'Provision of a dynamic purchasing system for home to school transport, SEND routes; lots 1-4 \\ "phase 2"';
  const ws = {
    annotations: [
      annotation({ key: CF_KEY, title: long, bidDeadline: '2027-01-14', notes: 'secret' }),
      annotation({ key: FTS_KEY, site: 'find-a-tender', noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/034567-2026', title: 'Highways', noticeDeadline: '2027-02-01T12:30' }),
      annotation({ key: 'ocds-b5fd17-closed', status: 'no-go', bidDeadline: '2027-01-20' }),
      annotation({ key: 'ocds-b5fd17-nodeadline', noticeDeadline: undefined }),
    ],
    prospects: [prospect({ followUp: '2027-01-04' }), prospect({ id: 'linkedin:no-follow-up' })],
  };
  const text = workspaceToIcs(ws, { now: NOW, reminders: { daysBefore: [3, 1] } });
  const cal = parseIcs(text);
  const events = cal.children.filter((c) => c.type === 'VEVENT');

  test('is a VCALENDAR with version, product id and one event per open deadline or follow-up', () => {
    expect(cal.type).toBe('VCALENDAR');
    expect(prop(cal, 'VERSION')!.value).toBe('2.0');
    expect(prop(cal, 'PRODID')!.value).toBe('-//Council Lens//Workspace//EN');
    expect(events.map((e) => prop(e, 'UID')!.value)).toEqual([
      `${FTS_KEY}.bid-deadline@council-lens`,
      `${CF_KEY}.bid-deadline@council-lens`,
      'linkedin:priya-sharma.follow-up@council-lens',
    ]);
    for (const e of events) expect(prop(e, 'DTSTAMP')!.value).toBe('20261130T090000Z');
  });

  test('a date is an all-day event; a date and time is a floating local time', () => {
    const [fts, cf, follow] = events as [Component, Component, Component];
    expect(prop(cf, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20270114' });
    expect(prop(cf, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20270115' });
    expect(prop(fts, 'DTSTART')).toEqual({ name: 'DTSTART', params: {}, value: '20270201T123000' });
    expect(prop(follow, 'DTSTART')!.value).toBe('20270104');
  });

  test('summary, description and URL survive escaping and folding', () => {
    const cf = events[1]!;
    expect(unescapeText(prop(cf, 'SUMMARY')!.value)).toBe(`Bid deadline: ${long}`);
    const description = unescapeText(prop(cf, 'DESCRIPTION')!.value);
    expect(description).toContain('https://www.contractsfinder.service.gov.uk/Notice/2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d');
    expect(description).toContain('Buyer: Leeds City Council\nStatus: watching');
    expect(description).not.toContain('secret');
    expect(prop(cf, 'URL')!.value).toBe('https://www.contractsfinder.service.gov.uk/Notice/2b1a7c3e-5d4f-4a6b-9c8d-1e2f3a4b5c6d');
    expect(text.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
    const follow = events[2]!;
    expect(unescapeText(prop(follow, 'SUMMARY')!.value)).toBe('Follow up: Priya Sharma');
    expect(prop(follow, 'URL')!.value).toBe('https://www.linkedin.com/in/priya-sharma/');
  });

  test('one VALARM per reminder day, at 09:00 local', () => {
    const triggers = (e: Component) => e.children.filter((c) => c.type === 'VALARM').map((a) => [prop(a, 'ACTION')!.value, prop(a, 'TRIGGER')!.value]);
    const [fts, cf, follow] = events as [Component, Component, Component];
    // All-day 14 Jan: 3 days before at 09:00 is 11 Jan 09:00 = start - 2 days 15 hours.
    expect(triggers(cf)).toEqual([
      ['DISPLAY', '-P2DT15H'],
      ['DISPLAY', '-PT15H'],
    ]);
    // 1 Feb 12:30: 29 Jan 09:00 is 3 days 3.5 hours before.
    expect(triggers(fts)).toEqual([
      ['DISPLAY', '-P3DT3H30M'],
      ['DISPLAY', '-P1DT3H30M'],
    ]);
    // Follow-ups: 09:00 on the day.
    expect(triggers(follow)).toEqual([['DISPLAY', 'PT9H']]);
    expect(unescapeText(prop(cf.children[0]!, 'DESCRIPTION')!.value)).toBe(`Bid deadline in 3 days: ${long}`);
  });

  test('the same workspace gives the same file; UIDs do not depend on order', () => {
    const again = workspaceToIcs({ annotations: [...ws.annotations].reverse(), prospects: [...ws.prospects].reverse() }, { now: NOW, reminders: { daysBefore: [3, 1] } });
    expect(again).toBe(text);
  });

  test('a 0-day reminder before an early deadline would come after it, so it is left out', () => {
    const early = workspaceToIcs({ annotations: [annotation({ noticeDeadline: '2027-02-01T08:00' })], prospects: [] }, { now: NOW, reminders: { daysBefore: [1, 0] } });
    const event = parseIcs(early).children.find((c) => c.type === 'VEVENT')!;
    expect(event.children.map((a) => prop(a, 'TRIGGER')!.value)).toEqual(['-PT23H']);
  });
});
