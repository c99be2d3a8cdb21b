/** The sample workspace the demo and the layout test save: invented records about real councils. */

/** YYYY-MM-DD `days` from today (negative: past), so the dates keep their distance from today. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Illustrative workspace records (issue 6) as the messages that save them: one prospect and two
 * tender annotations (the Kent one's notice deadline 33 days ahead). The demo puts every date
 * ahead; the layout test puts the Leeds bid deadline and follow-up in the past, to show them overdue.
 */
export function sampleWorkspaceMessages(days: { bidDeadline: number; noticeDeadline: number; followUp: number }): unknown[] {
  const at = Date.now();
  return [
    {
      type: 'editProspect',
      edit: {
        id: 'linkedin:priya-sharma',
        at,
        fields: {
          name: 'Priya Sharma',
          title: 'Head of Adult Social Care',
          council: 'LDS',
          councilName: 'Leeds City Council',
          serviceGroup: 'adult-social-care',
          seniority: 'senior-manager',
          profileUrl: 'https://www.linkedin.com/in/priya-sharma/',
          followUp: inDays(days.followUp),
          notes: 'Day services review next year: ask about reablement pilots.',
        },
      },
    },
    {
      type: 'editAnnotation',
      edit: {
        key: 'contracts-finder:6f2c1a9e-0c44-4a2e-9a51-2f3b8c1d7e01',
        at,
        fields: {
          site: 'contracts-finder',
          noticeUrl: 'https://www.contractsfinder.service.gov.uk/Notice/6f2c1a9e-0c44-4a2e-9a51-2f3b8c1d7e01',
          title: 'Home care and reablement framework',
          buyerName: 'Leeds City Council',
          council: 'LDS',
          serviceGroup: 'adult-social-care',
          status: 'bidding',
          owner: 'JM',
          bidDeadline: `${inDays(days.bidDeadline)}T12:00`,
          noticeDeadline: `${inDays(days.noticeDeadline)}T12:00`,
          tags: ['care', 'framework'],
          notes: 'Lot 2 (south) only. Social value plan due with the bid.',
        },
      },
    },
    {
      type: 'editAnnotation',
      edit: {
        key: 'ocds-h6vhtk-05a1c3',
        at,
        fields: {
          site: 'find-a-tender',
          noticeUrl: 'https://www.find-tender.service.gov.uk/Notice/031337-2026',
          title: 'Highways resurfacing programme 2027-2030',
          buyerName: 'Kent County Council',
          council: 'KEN',
          serviceGroup: 'highways-transport',
          status: 'watching',
          noticeDeadline: inDays(33),
          tags: ['roads'],
          notes: '',
        },
      },
    },
  ];
}

