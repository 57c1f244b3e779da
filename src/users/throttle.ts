import type { Db } from "../db.ts";

// The sign-in throttle. Its state is the failed attempts in SignInEvent, so
// that several app servers on one database share it. Failures of the last
// fifteen minutes are counted four ways; past a key's soft limit every
// attempt waits a little longer (slow down), past a hard limit an attempt
// from a browser that never signed in to that account is refused with 429.
// An address never refuses on its own: a newsroom signs in from one address,
// and one person's typos or a spray from inside must not lock the others out.

export const WINDOW_MS = 15 * 60 * 1000;
const STEP_MS = 100;
const MAX_DELAY_MS = 1000;

const LIMITS = {
  /** one account from one address: someone guessing that password */
  pair: { soft: 5, hard: 10 },
  /** one account from anywhere: a guess spread over many addresses */
  account: { soft: 10, hard: 50 },
  /** one address, any account: a spray, or a whole newsroom behind one address */
  address: { soft: 20, hard: null },
  /** every attempt: a large spray slows every sign-in a little */
  overall: { soft: 100, hard: null },
} as const;

export interface Attempt {
  /** normalised (normalEmail) */
  email: string;
  /** addressKey() of the client */
  address: string;
  /** the browser holds a valid "signed in as this account here before" cookie: never refused, only slowed */
  trusted: boolean;
}

export type Verdict = { refused: false; delayMs: number } | { refused: true; retryAfterS: number };

export async function judge(db: Db, a: Attempt, now = new Date()): Promise<Verdict> {
  const failed = { outcome: "failed", createdAt: { gt: new Date(now.getTime() - WINDOW_MS) } };
  const where = {
    pair: { ...failed, email: a.email, address: a.address },
    account: { ...failed, email: a.email },
    address: { ...failed, address: a.address },
    overall: failed,
  };
  let delayMs = 0;
  for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const { soft, hard } = LIMITS[key];
    const n = await db.signInEvent.count({ where: where[key] });
    if (hard !== null && n >= hard && !a.trusted) {
      // refused until the failure that reached the limit leaves the window
      const reached = await db.signInEvent.findFirst({ where: where[key], orderBy: { createdAt: "desc" }, skip: hard - 1, select: { createdAt: true } });
      const until = (reached?.createdAt.getTime() ?? now.getTime()) + WINDOW_MS;
      return { refused: true, retryAfterS: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
    }
    if (n >= soft) delayMs = Math.max(delayMs, Math.min(MAX_DELAY_MS, STEP_MS * (n - soft + 1)));
  }
  return { refused: false, delayMs };
}

/**
 * The address a throttle counts: an IPv4 address as it is, an IPv6 one by
 * its /64 network, since one host commonly holds a whole /64.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return "unknown";
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail] = ip.split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
