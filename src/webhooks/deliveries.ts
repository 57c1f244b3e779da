// The outbox's worker. A trigger writes a pending WebhookDelivery in the
// transaction of each matching audit event (prisma/migrations/…_desk); this
// takes the due ones, POSTs them, and records each attempt. A delivery is
// leased (leaseEndsAt) by a conditional update before it is sent, so that
// two servers on one database never send it at once; a worker that dies
// mid-send leaves the lease to run out, and the delivery is sent again:
// at least once, never lost.
import type { Config } from "../config.ts";
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { deliveryBody } from "./payload.ts";
import { post, TIMEOUT_MS } from "./send.ts";
import { onWake } from "./wake.ts";

export interface DeliveryOptions {
  /** the base of the records' page URLs in the bodies */
  publicUrl: string;
  allowPrivate: boolean;
  /** the first retry waits about this long, each next one twice as long (with jitter) */
  baseMs: number;
  /** no wait between attempts is longer */
  capMs?: number;
  /** a delivery still failing this long after its event is marked failed (an admin can retry it) */
  giveUpMs?: number;
  /** how often an idle worker looks for due deliveries */
  pollMs?: number;
  /** how long a worker holds a delivery it took: longer than an attempt can last */
  leaseMs?: number;
  /** deliveries sent at once */
  batch?: number;
  /** on stop, how long the POSTs in flight may finish before they are cut (their deliveries go out again later) */
  stopWaitMs?: number;
  log?: (message: string, err?: unknown) => void;
}

const HOUR = 60 * 60 * 1000;

export const deliveryOptions = (config: Config): DeliveryOptions => ({
  publicUrl: config.publicUrl,
  allowPrivate: config.webhooksAllowPrivate,
  baseMs: config.webhooksRetryBaseMs,
});

/** The wait before attempt n + 1 after n failures: base · 2^(n−1), capped, then between half and all of it (jitter, so that receivers coming back are not hit by every server at once). */
export function backoff(failures: number, baseMs: number, capMs = HOUR, random = Math.random): number {
  const full = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 40));
  return Math.round(full * (0.5 + random() / 2));
}

const dueWhere = (now: Date): Prisma.WebhookDeliveryWhereInput => ({
  status: "pending",
  nextAttemptAt: { lte: now },
  OR: [{ leaseEndsAt: null }, { leaseEndsAt: { lte: now } }],
  // a paused webhook's deliveries wait, and go out when it is resumed
  webhook: { active: true },
});

export interface DeliveryWorker {
  /** stops taking deliveries, waits a bounded time for the POSTs in flight, then cuts them */
  stop(): Promise<void>;
}

/** Starts the worker on db; the server starts one (src/server.ts), tests start theirs. */
export function startDeliveries(db: Db, options: DeliveryOptions): DeliveryWorker {
  const o = { capMs: HOUR, giveUpMs: 72 * HOUR, pollMs: 1000, leaseMs: 6 * TIMEOUT_MS, batch: 10, stopWaitMs: 5000, log: console.error, ...options };
  const inFlight = new Set<AbortController>();
  let stopping = false;
  let woken = false;
  let rest: (() => void) | null = null;
  const wake = () => {
    woken = true;
    rest?.();
  };
  const stopListening = onWake(wake);

  /** Takes up to a batch of due deliveries: each one is ours when the conditional update changed it (another worker's took it otherwise). */
  async function claim(): Promise<{ id: number; lease: Date }[]> {
    const now = new Date();
    const due = await db.webhookDelivery.findMany({
      where: dueWhere(now),
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take: o.batch,
      select: { id: true },
    });
    const lease = new Date(now.getTime() + o.leaseMs);
    const taken = [];
    for (const { id } of due) {
      const { count } = await db.webhookDelivery.updateMany({ where: { id, ...dueWhere(now) }, data: { leaseEndsAt: lease } });
      if (count) taken.push({ id, lease });
    }
    return taken;
  }

  async function deliver(id: number, lease: Date) {
    const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { webhook: true } });
    const event = await db.auditEvent.findUnique({ where: { id: d.eventId } });
    const mine = { id, leaseEndsAt: lease };
    if (!event) {
      await db.webhookDelivery.updateMany({ where: mine, data: { status: "failed", leaseEndsAt: null, lastError: `audit event #${d.eventId} not found` } });
      return;
    }
    const body = await deliveryBody(db, d.webhook.format, d.id, event, o.publicUrl);
    const abort = new AbortController();
    inFlight.add(abort);
    const attempt = await post({
      url: d.webhook.url,
      body,
      secret: d.webhook.secret,
      action: event.action,
      deliveryId: d.id,
      allowPrivate: o.allowPrivate,
      signal: abort.signal,
    });
    inFlight.delete(abort);
    // cut short by a stop: not the receiver's failure; the next worker sends it at once
    if (abort.signal.aborted) return void (await db.webhookDelivery.updateMany({ where: mine, data: { leaseEndsAt: null } }));
    const now = new Date();
    const tried = { attempts: { increment: 1 }, lastStatus: attempt.status, lastError: attempt.error.slice(0, 1000), lastAttemptAt: now, leaseEndsAt: null };
    if (attempt.ok) {
      await db.webhookDelivery.updateMany({ where: mine, data: { ...tried, status: "delivered", deliveredAt: now } });
    } else if (now.getTime() - d.createdAt.getTime() >= o.giveUpMs) {
      await db.webhookDelivery.updateMany({ where: mine, data: { ...tried, status: "failed" } });
    } else {
      await db.webhookDelivery.updateMany({
        where: mine,
        data: { ...tried, nextAttemptAt: new Date(now.getTime() + backoff(d.attempts + 1, o.baseMs, o.capMs)) },
      });
    }
  }

  /** One pass: the due deliveries sent side by side; how many there were. */
  async function pass(): Promise<number> {
    woken = false;
    const taken = await claim();
    await Promise.all(
      taken.map(({ id, lease }) =>
        // a failure to record (the database busy) leaves the lease to run out: the delivery is sent again then
        deliver(id, lease).catch((err: unknown) => o.log(`Webhook delivery #${id} could not be recorded; it will be sent again.`, err)),
      ),
    );
    return taken.length;
  }

  const idle = () =>
    new Promise<void>((resume) => {
      if (woken || stopping) return resume();
      const done = () => {
        clearTimeout(timer);
        rest = null;
        resume();
      };
      const timer = setTimeout(done, o.pollMs);
      rest = done;
    });

  const running = (async () => {
    while (!stopping) {
      const sent = await pass().catch((err: unknown) => (o.log("Webhook deliveries: the outbox could not be read; trying again.", err), 0));
      if (!sent) await idle();
    }
  })();

  return {
    async stop() {
      stopping = true;
      stopListening();
      rest?.();
      let timer: NodeJS.Timeout | undefined;
      const bounded = new Promise<void>((done) => (timer = setTimeout(done, o.stopWaitMs)));
      await Promise.race([running, bounded]);
      for (const abort of inFlight) abort.abort();
      await running;
      clearTimeout(timer);
    },
  };
}
