/**
 * A refresh problem in plain words (issue 12: "HTTP 404 for https://…?publishedFrom=…" read as a
 * crash). The sync's own messages (lib/sync/walk-source.ts, entrypoints/background/refresh/sync)
 * stay as they are, for the "Details" fold and for support; this says what happened and what the
 * person can do about it.
 */
export interface SyncProblem {
  /** What happened, in a sentence. */
  what: string;
  /** What the person can do. */
  action: string;
}

const RESUMES = 'The next refresh carries on from where this one stopped, so nothing already fetched is lost.';

const RULES: readonly { test: RegExp; problem: SyncProblem }[] = [
  {
    // Overload answers (429, 503 with Retry-After) and "overloaded … after N waits".
    test: /overloaded|HTTP 429|paused until/i,
    problem: { what: 'The service was busy and asked Council Lens to wait.', action: `Nothing to do: it tries again by itself. ${RESUMES}` },
  },
  {
    test: /HTTP 5\d\d|HTTP 408/,
    problem: { what: 'The service had a problem of its own and did not answer properly.', action: `Try again later. ${RESUMES}` },
  },
  {
    test: /HTTP 40[13]\b/,
    problem: {
      what: 'The service refused to answer this browser.',
      action: `Try again later. If it keeps happening, a network filter (for example at work) may be blocking it. ${RESUMES}`,
    },
  },
  {
    test: /HTTP 4\d\d/,
    problem: {
      what: 'The service did not accept Council Lens’s request: it may have changed how it works.',
      action: `Try again later; if it keeps happening, Council Lens may need an update. ${RESUMES}`,
    },
  },
  {
    test: /network error|no answer within|Failed to fetch|NetworkError/i,
    problem: { what: 'Council Lens could not reach the service: this browser may be offline.', action: `Check your connection, then press Refresh now. ${RESUMES}` },
  },
  {
    test: /invalid JSON|not an OCDS release package|reading the window again/i,
    problem: { what: 'The service sent an answer Council Lens could not read.', action: `Nothing to do: it asks again by itself. ${RESUMES}` },
  },
  {
    test: /Stopped before the end|interrupted|browser closed/i,
    problem: { what: 'The refresh was interrupted before the end (the browser closed or the extension restarted).', action: `Press Refresh now to finish it. ${RESUMES}` },
  },
];

/** The plain-words version of one sync error message; an unknown message gets a general one. */
export function explainSyncError(message: string): SyncProblem {
  return (
    RULES.find((rule) => rule.test.test(message))?.problem ?? {
      what: 'Something went wrong while fetching notices.',
      action: `Press Refresh now to try again. ${RESUMES}`,
    }
  );
}
