import type { Db } from "../db.ts";
import { STATUSES, type Status } from "../claims/status.ts";
import type { DayCounts } from "./status-chart.ts";
import { withActorNames } from "../audit/audit.names.ts";
import { msg, msgn, type Message } from "../i18n/i18n.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The chart's longest span, in days. */
export const CHART_DAYS = 30;

const zeroCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** "5 hours", "3 days", "2 months": how long ago `from` was, in the largest whole unit, as a message the page translates. */
export function ageInWords(from: Date, now: Date): Message {
  const ms = now.getTime() - from.getTime();
  const whole = (size: number) => Math.floor(ms / size);
  // a year from two on, a month from two on: "13 months" says more than "1 year"
  if (ms >= 730 * DAY) return msgn("{count} year", "{count} years", whole(365 * DAY));
  if (ms >= 60 * DAY) return msgn("{count} month", "{count} months", whole(30 * DAY));
  if (ms >= DAY) return msgn("{count} day", "{count} days", whole(DAY));
  if (ms >= HOUR) return msgn("{count} hour", "{count} hours", whole(HOUR));
  if (ms >= MINUTE) return msgn("{count} minute", "{count} minutes", whole(MINUTE));
  return msg("less than a minute");
}

export interface StatusDelta {
  day: string;
  status: string;
  delta: number;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * Running totals per status at the end of each day, from the net change of
 * each day. The span ends today, or on the last day with activity when all of
 * it is older than the span; it starts no earlier than the first such day.
 */
export function seriesFromDeltas(deltas: StatusDelta[], today: string, days = CHART_DAYS): DayCounts[] {
  const active = [...new Set(deltas.map((d) => d.day))].sort();
  const first = active[0];
  const last = active.at(-1);
  if (!first || !last) return [];
  const latest = last > today ? last : today;
  const end = last < addDays(latest, 1 - days) ? last : latest;
  const start = first > addDays(end, 1 - days) ? first : addDays(end, 1 - days);
  const running = zeroCounts();
  const apply = (d: StatusDelta) => {
    if (Object.hasOwn(running, d.status)) running[d.status as Status] += d.delta;
  };
  // everything before the span is its starting point
  deltas.filter((d) => d.day < start).forEach(apply);
  const series: DayCounts[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    deltas.filter((d) => d.day === day).forEach(apply);
    series.push({ day, counts: { ...running } });
  }
  return series;
}

/** The net change per UTC day and status, kept by triggers on Claim (the status_days migration). */
async function statusDeltas(db: Db): Promise<StatusDelta[]> {
  return db.claimStatusDay.findMany({ where: { delta: { not: 0 } }, orderBy: [{ day: "asc" }, { status: "asc" }] });
}

/** Claims per status, from the counts the triggers keep (the list_performance migration), not a scan of every claim. */
async function countsByStatus(db: Db): Promise<Record<Status, number>> {
  const counts = zeroCounts();
  for (const { status, n } of await db.claimStatusCount.findMany()) if (Object.hasOwn(counts, status)) counts[status as Status] = n;
  return counts;
}

/** The review queue, oldest flag first: the flag's time is its latest claim.flag event (reviews clear, new flags re-add), kept in ClaimFlag. */
async function reviewQueue(db: Db) {
  const rows = await db.$queryRaw<{ id: number | bigint; statement: string; status: string; reviewReason: string; flaggedAt: Date }[]>`
    SELECT c.id, c.statement, c.status, c."reviewReason", f."flaggedAt" FROM "Claim" c
    JOIN "ClaimFlag" f ON f."claimId" = c.id
    WHERE c."needsReview" = ${true} ORDER BY f."eventId" ASC LIMIT 10`;
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Everything the home page shows. */
export async function dashboard(db: Db, now = new Date()) {
  const [counts, rumors, resolved, activity, deltas, flagged, flaggedCount] = await Promise.all([
    countsByStatus(db),
    db.claim.findMany({
      where: { status: "rumored" },
      select: { id: true, statement: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 10,
    }),
    db.claim.findMany({
      where: { resolvedAt: { not: null } },
      select: { id: true, statement: true, status: true, resolvedAt: true },
      orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
      take: 10,
    }),
    db.auditEvent
      .findMany({
        select: { id: true, createdAt: true, actorId: true, actorLabel: true, action: true, subjectType: true, subjectId: true },
        orderBy: { id: "desc" },
        take: 10,
      })
      .then((rows) =>
        withActorNames(
          db,
          rows.map((r) => ({ ...r, actor: r.actorLabel })),
        ),
      ),
    statusDeltas(db),
    reviewQueue(db),
    db.claim.count({ where: { needsReview: true } }),
  ]);
  return {
    counts,
    rumors: rumors.map((r) => ({ ...r, age: ageInWords(r.createdAt, now) })),
    resolved,
    activity,
    flagged: flagged.map((c) => ({ ...c, age: ageInWords(c.flaggedAt, now) })),
    flaggedCount,
    series: seriesFromDeltas(deltas, now.toISOString().slice(0, 10)),
  };
}
