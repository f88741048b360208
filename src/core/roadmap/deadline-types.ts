/** Public types of the deadline engine (see ../shared/DOMAIN.md «Roadmaps and their deadlines»). */

export type DeadlineKind = 'dated' | 'recurring' | 'continuous' | 'event' | 'unspecified';

/** ISO dates; `from` only where the phrase states a start. Always from <= due. */
export interface DeadlineWindow {
  from?: string;
  due: string;
}

/** The roadmap period, ISO, inclusive. */
export interface Period {
  start: string;
  end: string;
}

export type Recurrence = 'yearly' | 'half-yearly' | 'quarterly' | 'monthly' | 'weekly';

export interface ParsedDeadline {
  text: string;
  kind: DeadlineKind;
  /** Every window inside the period, in date order (explicit dates outside it are kept, with a note). */
  occurrences: DeadlineWindow[];
  recurrence?: Recurrence;
  /** False when the phrase could not be read: no date is ever invented then. */
  understood: boolean;
  /** Russian remarks for the curator. */
  notes?: string[];
}

export type DeadlineStatus = 'done' | 'overdue' | 'soon' | 'in-progress' | 'upcoming' | 'no-date';

export interface DeadlineStatusOptions {
  /** The item is marked done (final for any kind). */
  done?: boolean;
  /** When it was last done: a dated item is then done; a recurring one is done up to that day. */
  doneDate?: string;
  /** Horizon of `soon`, days (default 14). */
  soonDays?: number;
}

export interface DeadlineStatusResult {
  status: DeadlineStatus;
  /** The next window not yet done whose due is today or later. */
  next?: DeadlineWindow;
  /** Windows whose due has passed and that are not done. */
  overdue?: DeadlineWindow[];
}
