// The verification workflow: which status may follow which, and how.
// Every handler and service asks this table; nothing else decides.
import { msg, N_, type Message } from "../i18n/i18n.ts";

export const STATUSES = ["unverified", "rumored", "confirmed", "false", "inconclusive"] as const;
export type Status = (typeof STATUSES)[number];

export const OPEN_STATUSES = ["unverified", "rumored"] as const satisfies readonly Status[];
export const RESOLVED_STATUSES = ["confirmed", "false", "inconclusive"] as const satisfies readonly Status[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type Outcome = (typeof RESOLVED_STATUSES)[number];

/**
 * reclassify: between open states, by editing (a reason is asked when it changes)
 * resolve:    open → resolved, needs a note and at least one cited source
 * reopen:     resolved → open, needs a reason
 */
export type TransitionKind = "reclassify" | "resolve" | "reopen";

const REOPEN = { unverified: "reopen", rumored: "reopen" } as const;
const RESOLVE = { confirmed: "resolve", false: "resolve", inconclusive: "resolve" } as const;

export const TRANSITIONS: Record<Status, Partial<Record<Status, TransitionKind>>> = {
  unverified: { rumored: "reclassify", ...RESOLVE },
  rumored: { unverified: "reclassify", ...RESOLVE },
  confirmed: REOPEN,
  false: REOPEN,
  inconclusive: REOPEN,
};

export const STATUS_LABELS: Record<Status, string> = {
  unverified: N_("Unverified"),
  rumored: N_("Rumored"),
  confirmed: N_("Confirmed"),
  false: N_("False"),
  inconclusive: N_("Inconclusive"),
};

/** A status in the middle of a sentence ("already rumored"), which French writes in the feminine of "affirmation". */
const STATUS_WORDS: Record<Status, string> = {
  unverified: N_("unverified"),
  rumored: N_("rumored"),
  confirmed: N_("confirmed"),
  false: N_("false"),
  inconclusive: N_("inconclusive"),
};
export const statusWord = (s: Status) => msg(STATUS_WORDS[s]);

export const STATUS_HINTS: Record<Status, string> = {
  unverified: N_("Nobody can check it yet."),
  rumored: N_("Reported, not confirmed by a party who would know."),
  confirmed: N_("Established by a party who would know."),
  false: N_("Shown not to be true."),
  inconclusive: N_("Checked; the facts do not settle it."),
};

export function isOpen(status: string): status is OpenStatus {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function isResolved(status: string): status is Outcome {
  return (RESOLVED_STATUSES as readonly string[]).includes(status);
}

/** The kind of the move from → to, or null when the table does not allow it. */
export function transitionKind(from: Status, to: Status): TransitionKind | null {
  return TRANSITIONS[from][to] ?? null;
}

/**
 * Why a move is refused, in words an editor can act on; null when it is
 * allowed as `kind`. Services turn the message into a 422 on the status field.
 */
export function refusal(from: Status, to: Status, kind: TransitionKind): Message | null {
  const allowed = transitionKind(from, to);
  if (allowed === kind) return null;
  const words = { from: statusWord(from), to: statusWord(to) };
  if (from === to) return msg("The claim is already {from}.", words);
  if (allowed === "resolve") return msg("To mark a {from} claim {to}, resolve it: resolving asks for a note and a cited source.", words);
  if (allowed === "reopen") return msg("This claim is resolved ({from}); reopen it with a reason to make it {to}.", words);
  if (allowed === "reclassify")
    return kind === "resolve"
      ? msg("A {from} claim becomes {to} by editing it, not by resolving.", words)
      : msg("A {from} claim becomes {to} by editing it, not by reopening.", words);
  return msg("A {from} claim cannot become {to}: reopen it first, then resolve it again.", words);
}
