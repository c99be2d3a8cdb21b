/** One council contract a supplier won, as a reference: what, for whom, when, and whom to ask. */
export interface SupplierAward {
  ocid: string;
  council: string;
  councilName: string;
  title: string;
  serviceGroups: string[];
  value: { amount: number; currency: string } | null;
  start: string | null;
  end: string | null;
  maxEnd: string | null;
  /** When the award was published (YYYY-MM-DD). */
  awardedAt: string | null;
  noticeUrl: string;
  /** The buyer's contact point as the notice publishes it: whom to ask for a reference. */
  contact: { name?: string; email?: string; telephone?: string } | null;
}

/** A supplier's council contracts in the cache, for "All references" (issue 7). */
export interface SupplierReferences {
  key: string;
  name: string;
  /** Every spelling the notices use. */
  names: string[];
  companiesHouse: string | null;
  /** Newest first, at most 100. */
  awards: SupplierAward[];
  /** Every council contract of the supplier in the cache (the totals below count them all). */
  totalAwards: number;
  byCouncil: { code: string; name: string; count: number; value: number }[];
  byGroup: { group: string; count: number; value: number }[];
}
