import type { SavingsItem } from '@/lib/savings/schema';

/** What the Timing section weighs for a council, read from the background's savings and notices (getTiming). */
export interface TimingData {
  council: string;
  serviceGroup: string | null;
  /** The council's savings items in that service (all its items without a service), by year. */
  savings: SavingsItem[];
  /** Its awarded contracts ending from today to five years on, soonest first. */
  contracts: TimingContract[];
  /** Savings items the council has in other services, for "see also". */
  otherServices: number;
  /** Forward notices in that service whose tender is expected from today on (issue 10): procurement-window evidence. */
  planned?: TimingPlanned[];
}

/** A contract end the timing engine weighs (from the notices cache). */
export interface TimingContract {
  end: string;
  maxEnd?: string;
  title: string;
  supplier?: string;
  url?: string;
  /** The contract's service groups, so the card can say which service it belongs to. */
  serviceGroups: string[];
}

/** A forward notice the timing engine weighs (UK1 pipeline, UK2 engagement, UK3 planned procurement). */
export interface TimingPlanned {
  published: string;
  expectedTenderDate: string;
  title: string;
  /** "planned procurement notice". */
  noticeType?: string;
  url?: string;
}
