import { describe, expect, test } from 'vitest';
import { RoleLine } from '@/components/council-card/role-line';
import { ashfordCard, kentCard, leedsCard } from '../../fixtures/preview-data';
import type { CouncilCard } from '@/lib/councils/card';
import { describeRole } from '@/lib/roles/classify-role';
import { mount, seenText } from '../../support/dom';

/** Belfast's provision of the groups used here, as public/data/services.json gives NI councils. */
const belfastCard: CouncilCard = {
  ...leedsCard,
  code: 'BFS',
  officialName: 'Belfast City Council',
  niceName: 'Belfast',
  type: 'ni-district',
  typeLabel: 'Northern Ireland district council',
  tier: 'ni-district',
  nation: 'Northern Ireland',
  region: 'Northern Ireland',
  combinedAuthority: null,
  services: leedsCard.services.map((s) =>
    s.id === 'adult-social-care' ? { ...s, provision: 'none' } : s.id === 'housing' ? { ...s, provision: 'part' } : s,
  ),
};

const line = (root: ParentNode) => root.querySelector('section[aria-label="Their role"]')!;
const badge = (root: ParentNode) => line(root).querySelector('.cl-badge');

describe('RoleLine: the council does not run the person’s service', () => {
  test('Head of Housing at Kent County Council: who runs housing, not "budget holder"', () => {
    const root = mount(<RoleLine role={describeRole('Head of Housing')} council={kentCard} headingLevel={3} />);
    expect(seenText(line(root))).toBe(
      'Head of Housing Housing and homelessness · Senior manager / head of service ' +
        "Kent County Council doesn't run Housing and homelessness; in Kent the district councils do.",
    );
    expect(badge(root)).toBeNull();
    expect(line(root).classList.contains('cl-role--lead')).toBe(false);
    expect(line(root).classList.contains('cl-role--mismatch')).toBe(true);
  });

  test('an assistant director of adult social care at a district: the county runs it', () => {
    const root = mount(<RoleLine role={describeRole('Assistant Director Adult Social Care')} council={ashfordCard} headingLevel={3} />);
    expect(seenText(line(root))).toContain("Ashford Borough Council doesn't run Adult social care; Kent County Council does.");
    expect(seenText(line(root))).not.toContain('budget holder');
  });

  test('a waste collection manager at a county: the districts collect', () => {
    const root = mount(<RoleLine role={describeRole('Waste Collection Manager')} council={kentCard} headingLevel={3} />);
    expect(seenText(line(root))).toContain("Kent County Council doesn't run waste collection and recycling; in Kent the district councils do.");
    expect(seenText(line(root))).not.toContain('day to day');
  });

  test('a Northern Ireland council has no social care', () => {
    const root = mount(<RoleLine role={describeRole('Head of Adult Social Care')} council={belfastCard} headingLevel={3} />);
    expect(seenText(line(root))).toContain("Belfast City Council doesn't run Adult social care; in Northern Ireland no council does.");
    expect(badge(root)).toBeNull();
  });
});

describe('RoleLine: the council runs it', () => {
  test('Head of Housing at a district stays the likely budget holder', () => {
    const root = mount(<RoleLine role={describeRole('Head of Housing')} council={ashfordCard} headingLevel={3} />);
    expect(seenText(badge(root)!)).toBe('Likely budget holder');
    // Said once, by the badge beside the title, with the service on the line below (issue 12).
    expect(seenText(line(root))).toBe('Head of Housing Likely budget holder Housing and homelessness · Senior manager / head of service');
    expect(line(root).classList.contains('cl-role--lead')).toBe(true);
    expect(line(root).querySelector('.cl-role__mismatch, .cl-role__provision')).toBeNull();
  });

  test('a waste disposal manager at a county: no flag', () => {
    const root = mount(<RoleLine role={describeRole('Waste Disposal Manager')} council={kentCard} headingLevel={3} />);
    expect(seenText(line(root))).toContain('Runs Waste and street cleansing day to day');
    expect(line(root).querySelector('.cl-role__mismatch, .cl-role__provision')).toBeNull();
  });

  test('Head of Waste at a county: still the budget holder, with how waste is split', () => {
    const root = mount(<RoleLine role={describeRole('Head of Waste Services')} council={kentCard} headingLevel={3} />);
    expect(seenText(badge(root)!)).toBe('Likely budget holder');
    expect(line(root).querySelector('.cl-role__guidance')).toBeNull();
    expect(seenText(line(root).querySelector('.cl-role__provision')!)).toBe(
      'Kent County Council runs only part of Waste and street cleansing. Districts collect waste and recycling; the county disposes of it.',
    );
  });

  test('a unitary council: unchanged', () => {
    const role = describeRole('Head of Housing');
    const withCouncil = mount(<RoleLine role={role} council={leedsCard} headingLevel={3} />);
    const without = mount(<RoleLine role={role} headingLevel={3} />);
    expect(line(withCouncil).outerHTML).toBe(line(without).outerHTML);
  });
});

describe('RoleLine: nothing said on a guess', () => {
  test('no council passed: the title alone decides, as before', () => {
    const root = mount(<RoleLine role={describeRole('Head of Housing')} headingLevel={3} />);
    expect(seenText(badge(root)!)).toBe('Likely budget holder');
    expect(seenText(line(root)).match(/Likely budget holder/g)).toHaveLength(1);
  });

  test('a council found only in the page text may not be their employer', () => {
    const root = mount(<RoleLine role={describeRole('Head of Housing')} council={kentCard} match={{ source: 'text' }} headingLevel={3} />);
    expect(seenText(badge(root)!)).toBe('Likely budget holder');
    expect(line(root).querySelector('.cl-role__mismatch')).toBeNull();
  });

  test('a title with no service group', () => {
    const root = mount(<RoleLine role={describeRole('Chief Executive')} council={kentCard} headingLevel={3} />);
    expect(line(root).querySelector('.cl-role__mismatch, .cl-role__provision')).toBeNull();
  });
});
