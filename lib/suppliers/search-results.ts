/** The popup's search answer: councils by any name or abbreviation, and suppliers by name or Companies House number. */
export interface SearchResults {
  query: string;
  councils: { code: string; name: string; kind: string; type: string; current: boolean; matched: string }[];
  suppliers: SupplierHit[];
}

export interface SupplierHit {
  /** `ch:<Companies House number>` when any notice gives one, else `name:<normalised name>`. */
  key: string;
  /** The name as most often written. */
  name: string;
  companiesHouse: string | null;
  /** Council contracts in the cache. */
  awards: number;
  councils: number;
}
