// The verification workflow: which status may follow which, and how.
// Every handler and service asks this table; nothing else decides.

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
  unverified: "Unverified",
  rumored: "Rumored",
  confirmed: "Confirmed",
  false: "False",
  inconclusive: "Inconclusive",
};

export const STATUS_HINTS: Record<Status, string> = {
  unverified: "Nobody can check it yet.",
  rumored: "Reported, not confirmed by a party who would know.",
  confirmed: "Established by a party who would know.",
  false: "Shown not to be true.",
  inconclusive: "Checked; the facts do not settle it.",
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
export function refusal(from: Status, to: Status, kind: TransitionKind): string | null {
  const allowed = transitionKind(from, to);
  if (allowed === kind) return null;
  const f = STATUS_LABELS[from].toLowerCase();
  const t = STATUS_LABELS[to].toLowerCase();
  if (from === to) return `The claim is already ${f}.`;
  if (allowed === "resolve") return `To mark a ${f} claim ${t}, resolve it: resolving asks for a note and a cited source.`;
  if (allowed === "reopen") return `This claim is resolved (${f}); reopen it with a reason to make it ${t}.`;
  if (allowed === "reclassify") return `A ${f} claim becomes ${t} by editing it, not by ${kind === "resolve" ? "resolving" : "reopening"}.`;
  return `A ${f} claim cannot become ${t}: reopen it first, then resolve it again.`;
}
