/**
 * What the background keeps in storage.session, by key prefix. Both are the user's: a capture
 * draft holds text they selected and the page's address, and a tab's context the LinkedIn name
 * and page it shows; "Delete all my data" removes every key with these prefixes.
 */
export const DRAFT_PREFIX = 'savings-draft:';
export const TAB_PREFIX = 'tab:';
export const USER_SESSION_PREFIXES = [DRAFT_PREFIX, TAB_PREFIX] as const;
