import type { Provision } from '@/lib/councils/schema';

/**
 * What Northern Ireland's 11 district councils run of each service group
 * (../shared/spec/service-groups.csv ids). NI councils have far fewer functions than councils in
 * Great Britain: social care, education, roads, public health and social housing belong to the
 * NI Executive and its agencies. The 2015 reform (Review of Public Administration; Local
 * Government Act (Northern Ireland) 2014, in force with the new councils on 2015-04-01)
 * transferred planning, off-street parking, local economic development and tourism to councils.
 * The spec's who_provides text does not cover NI, so this table is hand-written.
 */
export const NI_DISTRICT_PROVISION: Readonly<Record<string, Provision>> = {
  // Health and Social Care Trusts (Health and Social Care (Reform) Act (NI) 2009).
  'adult-social-care': 'none',
  // Health and Social Care Trusts; the youth service is the Education Authority's.
  'childrens-social-care': 'none',
  // Education Authority (Education Act (NI) 2014).
  education: 'none',
  // Public Health Agency; councils' environmental health is in environment-regulatory.
  'public-health': 'none',
  // Social housing, homelessness and housing benefit: NI Housing Executive. Councils license
  // houses in multiple occupation (Houses in Multiple Occupation Act (NI) 2016, from 2019) and
  // enforce private tenancy fitness standards.
  housing: 'part',
  // Roads, street lighting and public transport: Department for Infrastructure. Off-street car
  // parks moved to councils in 2015 (Off-street Parking (Functions of District Councils) Act (NI) 2015).
  'highways-transport': 'part',
  // Councils collect and dispose of waste and clean streets.
  waste: 'all',
  // Councils run environmental health, licensing, cemeteries, emergency planning and (with PCSPs)
  // community safety; trading standards is the Department for the Economy's, flood risk DfI's.
  'environment-regulatory': 'part',
  // Local development plans and most planning applications since 2015 (Planning Act (NI) 2011),
  // building control, local economic development and tourism; regionally significant applications
  // stay with DfI and urban regeneration with the Department for Communities.
  'planning-regeneration': 'part',
  // Leisure centres, parks, arts, museums and events; libraries are Libraries NI's.
  'culture-leisure': 'part',
  // Land & Property Services bills and collects rates; housing benefit is paid by the Housing Executive.
  'revenues-benefits': 'none',
  // Every council runs its own corporate services.
  'digital-ict': 'all',
  finance: 'all',
  procurement: 'all',
  'people-hr': 'all',
  // Councils run their own democratic services and civil registration; elections and electoral
  // registration are the Electoral Office for NI's, coroners the Coroners Service for NI's.
  'legal-democratic': 'part',
  'customer-comms': 'all',
  'property-assets': 'all',
  'corporate-strategy': 'all',
};
