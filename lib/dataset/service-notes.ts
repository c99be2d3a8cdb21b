/**
 * Plain-English notes for the service groups whose who_provides text in
 * ../shared/spec/service-groups.csv splits the group between county and district. The builder
 * requires a note for every split group and none for the others, so this table and the spec
 * cannot drift apart silently.
 */
export const SPLIT_NOTES: Readonly<Record<string, string>> = {
  // "county/unitary (parking: all)"
  'highways-transport': 'The county runs roads and transport; districts run car parking too.',
  // "collection: district/unitary; disposal: county/unitary"
  waste: 'Districts collect waste and recycling; the county disposes of it.',
  // "district/unitary (minerals and waste planning: county)"
  'planning-regeneration': 'Districts handle planning and building control; the county decides minerals and waste planning.',
};
