/**
 * Successors of Northern Ireland's 26 pre-2015 district councils, which the register lists as
 * former rows NIR-A..NIR-Y without `replaced-by` (../shared/data/uk_local_authorities.csv).
 * Belfast has no former row: the register's BFS runs from 2015-04-01 and keeps the old name.
 *
 * Source: the 2015 reorganisation under the Local Government (Boundaries) Act (Northern Ireland)
 * 2008, with boundaries and names set by the Local Government (Boundaries) Order (Northern
 * Ireland) 2012; the 26 councils were dissolved on 2015-03-31 and the 11 new councils took over
 * their functions the next day (Local Government Act (Northern Ireland) 2014).
 *
 * The first code is the council that took over most of the old district. Lisburn and Castlereagh
 * also lost wards (e.g. Dunmurry, Gilnahirk, Tullycarnet) to the enlarged Belfast, so BFS is a
 * second successor for both. Smaller boundary adjustments between the new districts are not
 * modelled here.
 */
export const NI_SUCCESSORS: Readonly<Record<string, readonly string[]>> = {
  'NIR-A': ['DRS'], // Derry City -> Derry City and Strabane
  'NIR-B': ['CCG'], // Limavady -> Causeway Coast and Glens
  'NIR-C': ['CCG'], // Coleraine -> Causeway Coast and Glens
  'NIR-D': ['CCG'], // Ballymoney -> Causeway Coast and Glens
  'NIR-E': ['CCG'], // Moyle -> Causeway Coast and Glens
  'NIR-F': ['MEA'], // Larne -> Mid and East Antrim
  'NIR-G': ['MEA'], // Ballymena -> Mid and East Antrim
  'NIR-H': ['MUL'], // Magherafelt -> Mid Ulster
  'NIR-I': ['MUL'], // Cookstown -> Mid Ulster
  'NIR-J': ['DRS'], // Strabane -> Derry City and Strabane
  'NIR-K': ['FMO'], // Omagh -> Fermanagh and Omagh
  'NIR-L': ['FMO'], // Fermanagh -> Fermanagh and Omagh
  'NIR-M': ['MUL'], // Dungannon and South Tyrone -> Mid Ulster
  'NIR-N': ['ABC'], // Craigavon -> Armagh City, Banbridge and Craigavon
  'NIR-O': ['ABC'], // Armagh City and District -> Armagh City, Banbridge and Craigavon
  'NIR-P': ['NMD'], // Newry and Mourne -> Newry, Mourne and Down
  'NIR-Q': ['ABC'], // Banbridge -> Armagh City, Banbridge and Craigavon
  'NIR-R': ['NMD'], // Down -> Newry, Mourne and Down
  'NIR-S': ['LBC', 'BFS'], // Lisburn City -> Lisburn and Castlereagh (part to Belfast)
  'NIR-T': ['ANN'], // Antrim -> Antrim and Newtownabbey
  'NIR-U': ['ANN'], // Newtownabbey -> Antrim and Newtownabbey
  'NIR-V': ['MEA'], // Carrickfergus -> Mid and East Antrim
  'NIR-W': ['AND'], // North Down -> Ards and North Down
  'NIR-X': ['AND'], // Ards -> Ards and North Down
  'NIR-Y': ['LBC', 'BFS'], // Castlereagh -> Lisburn and Castlereagh (part to Belfast)
};
