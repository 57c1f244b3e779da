import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../db.ts";
import { N_ } from "../i18n/i18n.ts";
import { Busy, type Ticket } from "./gate.ts";
import { gateRefuses } from "./password.ts";
import { judge, type Attempt } from "./throttle.ts";
import { checkPassword, toCurrent, type CurrentUser } from "./users.service.ts";

export const OUTCOMES = ["signed_in", "signed_out", "failed", "throttled", "disabled"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  signed_in: N_("Signed in"),
  signed_out: N_("Signed out"),
  failed: N_("Failed"),
  throttled: N_("Throttled"),
  disabled: N_("Account disabled"),
};

export type SignInResult =
  | { outcome: "signed_in"; user: CurrentUser; sessionGeneration: number }
  | { outcome: "failed" }
  | { outcome: "disabled" }
  | { outcome: "throttled"; retryAfterS: number; busy: boolean };

// A spray of refused attempts records one "throttled" row a minute per
// account and address, not one per request: the log stays readable and small.
const THROTTLED_ONCE_PER_MS = 60 * 1000;
const BUSY_RETRY_S = 5;

/** Appends a sign-in event; userId undefined: the account of that email, if any. */
async function record(db: Db, a: Attempt, outcome: Outcome, userId?: number | null): Promise<void> {
  if (outcome === "throttled") {
    const since = new Date(Date.now() - THROTTLED_ONCE_PER_MS);
    if (await db.signInEvent.findFirst({ where: { email: a.email, address: a.address, outcome, createdAt: { gt: since } }, select: { id: true } })) return;
  }
  const id = userId !== undefined ? userId : ((await db.user.findUnique({ where: { email: a.email }, select: { id: true } }))?.id ?? null);
  await db.signInEvent.create({ data: { email: a.email, address: a.address, outcome, userId: id } });
}

/**
 * One sign-in attempt, throttled (throttle.ts), checked through the
 * password gate (gate.ts), and recorded, except when the gate is full.
 * Failed attempts are not audit events: a spray would flood the audit chain.
 */
export async function signIn(db: Db, a: Attempt, password: string): Promise<SignInResult> {
  if (!a.email || !password) return { outcome: "failed" };
  // answering a flood must cost no database work: a full gate's refusals are not recorded (the failures are)
  const busy: SignInResult = { outcome: "throttled", retryAfterS: BUSY_RETRY_S, busy: true };
  // a returning browser goes first
  const ticket: Ticket = { key: a.address, rank: a.trusted ? 2 : 1 };
  if (gateRefuses(ticket)) return busy;
  const verdict = await judge(db, a);
  if (verdict.refused) {
    await record(db, a, "throttled");
    return { outcome: "throttled", retryAfterS: verdict.retryAfterS, busy: false };
  }
  if (verdict.delayMs) {
    if (!a.trusted) ticket.rank = 0;
    await sleep(verdict.delayMs);
  }
  let checked: Awaited<ReturnType<typeof checkPassword>>;
  try {
    checked = await checkPassword(db, a.email, password, ticket);
  } catch (err) {
    if (err instanceof Busy) return busy;
    throw err;
  }
  const { account, ok } = checked;
  const outcome = !ok ? "failed" : account!.disabledAt ? "disabled" : "signed_in";
  await record(db, a, outcome, account?.id ?? null);
  if (outcome !== "signed_in") return { outcome };
  return { outcome, user: toCurrent(account!), sessionGeneration: account!.sessionGeneration };
}

export const recordSignOut = (db: Db, a: Omit<Attempt, "trusted">, userId: number) => record(db, { ...a, trusted: false }, "signed_out", userId);

const KEEP_SIGN_INS_MS = 90 * 24 * 60 * 60 * 1000;

/** Drops sign-in events older than 90 days; the server calls it on start and hourly. */
export const pruneSignIns = (db: Db, now = Date.now()) => db.signInEvent.deleteMany({ where: { createdAt: { lt: new Date(now - KEEP_SIGN_INS_MS) } } });
