import { expect, test } from 'vitest';
import { extensionMonths } from '@/lib/ocds/extension';

// Renewal texts as published in ../shared/data/pcs_scotland_ocds_releases_2019.json and
// ../shared/data/sell2wales_ocds_releases_2025.json (`tender.lots[].renewal.description`).
test.each([
  ['Lot may be extended on an annual basis for up to a further 2 years.', 24],
  ['The Framework will be for a maximum period of 48 months. The initial period of the Framework will be for 24 months from the starting date with an option to extend for up to a further 24 months subject to satisfactory operation and performance.', 24],
  ['There is an option to extend the Framework by up to 2 further years in 12-month increments.', 24],
  ['Option to extend for a further period of one year.', 12],
  ['option to extend for 12 months', 12],
  ['2 x 12 month extensions', 24],
  ['Optional 7 x 12 month extensions for recurring annual costs associated with licensing, support and maintenance. Maximum total contract length of 10 years.', 84],
  ['Two one year extensions', 24],
  ['2 separate one year extension options', 24],
  ['2 one-year extension options', 24],
  ['Two (2) x Twelve (12) month extension options to be exercised at the sole discretion of NHS Lanarkshire.', 24],
  ['The Framework is for twenty four (24) months initially, with two (2) optional extensions of twelve (12) months.', 24],
  ['The contract shall be for four [4] year with an option to extend for four [4] individual one [1] year periods, subject to satisfactory performance and mutual agreement.', 48],
  ['The contract has a duration of 12 months with the option of two 6 months extensions at the council sole discretion.', 12],
  ['Two 48 month extensions at the sole discretion of the Council.', 96],
  ['We anticipate the contract to be for a period of 3 years with the option to extend for 2 further periods, each of 12 months, subject to satisfactory performance and mutual agreement.', 24],
  ['The contract will last for three years to 31 May 2022; with the possibility of a further two single year extensions through to 31 May 2024.', 24],
  ['option to extend the Initial Term of the Framework Agreement in up to three (3) 12-month periods', 36],
  ['PERIOD OF 3 YEARS FROM 7th OCTOBER 2025 (COMMENCEMENT DATE) WITH A FURTHER OPTION TO EXTEND FOR 2 + 1 YEARS\nPOTENTIAL END DATE: 6th OCTOBER 2031', 36],
  ['The Alliance Agreement will be for a maximum of 10 years consisting of an initial period of 3 years (with an option to extend for a further period(s) of up to 3+3+1 years)', 84],
  ['12 months + 12 months', 24],
  ['12 month plus 12 month extension possible at the discretion of the client based on performance', 24],
  ['option to extend +1year + 1year', 24],
  ['Up to 24 Months (Maximum Term, inclusive of initial term is 7 Years)', 24],
  ['36 month initial contract period with a 24 month extension option', 24],
  ['Potential two year extension at the end of the initial three year term', 24],
  ['Possible extension of 24 months', 24],
  ['The contract may be extended for a further six months at the discretion of Dumfries and Galloway Council.', 6],
  ['The contract is anticipated to commence on the 1st June 2025 and will run for a period of three years, with the option to extend for a further year if considered appropriate.', 12],
  ['Three (3) Years with the option to extend for and additional three (3) years (3+3)', 36],
  ['Option to extend the contract by a variable period not exceeding 24 months.', 24],
  ['The Framework Agreement will run for an initial period of 36 months and may be extended for a further 12\nmonth period, after which it will be re-tendered.', 12],
  ['6 months', 6],
  ['Up to a further 12 months', 12],
])('%s -> %i months', (text, months) => {
  expect(extensionMonths(text)).toBe(months);
});

test.each([
  'Expected renewal at end of contract period',
  'The DPS will remain live for a minimum of 4 years but may be extended further.',
  'August 2023',
  'Subject to annual renewals in 2024 and 2025.',
  'Potential renewal in 4 years',
  'The Framework Agreement is likely to be renewed every 4 years.',
  'With the option to extend annually until 31st May 2030',
  'two years in annual increments and board\'s discretion',
  'Please see details in tender document',
  '24',
  'Sample renewals description',
])('%s -> undefined', (text) => {
  expect(extensionMonths(text)).toBeUndefined();
});
