import { z } from "zod";
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { STATUSES } from "../claims/status.ts";
import { ZONES, canonicalZone, formatOccurred } from "../claims/occurred.ts";
import type { Translator } from "../i18n/i18n.ts";
import { N_ } from "../i18n/i18n.ts";
import { id } from "../validation.ts";

/**
 * The select's choices: the usual zones first, by city, then every zone this
 * server knows (the one in the URL among them), so that none is only
 * reachable by typing its name into the address.
 */
export function zoneChoices(tz: string): { id: string; label: string; usual: boolean }[] {
  const usual: string[] = ZONES.map((z) => z.id);
  const others = [...new Set([...Intl.supportedValuesOf("timeZone"), tz])].filter((id) => !usual.includes(id)).sort();
  return [...ZONES.map((z) => ({ ...z, usual: true })), ...others.map((id) => ({ id, label: id, usual: false }))];
}

interface Cursor {
  at: Date;
  id: number;
}

// Keyset on (occurredAt, id): the last item of a page, opaque to readers.
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify({ at: c.at.toISOString(), id: c.id })).toString("base64url");

function decodeCursor(s: string): Cursor | null {
  try {
    const { at, id } = JSON.parse(Buffer.from(s, "base64url").toString()) as { at?: unknown; id?: unknown };
    const date = typeof at === "string" ? new Date(at) : null;
    if (date && !Number.isNaN(date.getTime()) && typeof id === "number" && Number.isSafeInteger(id) && id > 0) return { at: date, id };
  } catch {
    // not JSON: the same answer as a cursor of the wrong shape
  }
  return null;
}

const blank = (v: unknown) => (v === "" ? undefined : v);

/** The timeline's orders, by when the claims happened, as the page offers them. */
export const ORDERS = ["asc", "desc"] as const;
export const ORDER_LABELS: Record<(typeof ORDERS)[number], string> = { asc: N_("Oldest first"), desc: N_("Latest first") };

/** The page's filters as they appear in /timeline's query string. */
export const timelineQuerySchema = z.object({
  status: z.preprocess(blank, z.enum(STATUSES, { error: N_("Status must be one of: unverified, rumored, confirmed, false, inconclusive.") }).optional()),
  /** the claims of one story (src/stories/) */
  story: z.preprocess(blank, id.optional()),
  tz: z.preprocess(
    (v) => blank(v) ?? "UTC",
    z
      .string({ error: N_("Choose one time zone.") })
      .max(100, N_("That is not a time zone; showing UTC."))
      .transform((tz, ctx) => {
        const zone = canonicalZone(tz);
        // a zod message is an id without values (it is translated where shown), so it cannot name the zone typed
        if (!zone)
          ctx.addIssue({ code: "custom", message: N_("That is not a time zone this server knows; showing UTC. Use an IANA name such as Europe/Paris.") });
        return zone ?? "UTC";
      }),
  ),
  order: z.enum(ORDERS).catch("asc").default("asc"),
  limit: z.coerce.number().int().min(1).max(500).catch(100).default(100),
  after: z.preprocess(
    blank,
    z
      .string()
      .max(300)
      .optional()
      .transform((s, ctx) => {
        if (s === undefined) return undefined;
        const cursor = decodeCursor(s);
        if (!cursor) ctx.addIssue({ code: "custom", message: N_("That page link is out of date; showing the timeline from the start.") });
        return cursor ?? undefined;
      }),
  ),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

const claimFields = {
  id: true,
  statement: true,
  status: true,
  confidence: true,
  occurredAt: true,
  occurredPrecision: true,
  occurredZone: true,
  occurredAtText: true,
} as const;
type TimelineClaim = Prisma.ClaimGetPayload<{ select: typeof claimFields }>;

/** How many claims without a time the last page lists; the count says how many there are in all. */
const UNTIMED_SHOWN = 100;

/**
 * Claims with their time in the zone, grouped by the zone's calendar day, in
 * the order given. A span (the evening of 16 Nov in San Francisco) is filed
 * under the day its middle falls on, which in its own zone is its own day,
 * and shown as the span it is, never as a minute. Headings and clock times
 * are in the reader's language (`tr`, fr-FR: "jeudi 16 novembre 2023", "dans la soirée du 16 nov. 2023").
 */
export function groupByDay(claims: TimelineClaim[], tz: string, tr: Translator) {
  const tag = tr.tag;
  const dayParts = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
  const heading = new Intl.DateTimeFormat(tag, { timeZone: tz, weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const clock = new Intl.DateTimeFormat(tag, { timeZone: tz, hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "shortOffset" });
  const days: { key: string; heading: string; items: (TimelineClaim & { time: string })[] }[] = [];
  for (const c of claims) {
    const at = c.occurredAt!;
    const part = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((p) => p.type === type)?.value ?? "";
    const d = dayParts.formatToParts(at);
    const key = `${part(d, "year")}-${part(d, "month")}-${part(d, "day")}`;
    const t = clock.formatToParts(at);
    // ICU calls UTC "GMT+0"; the zone the reader chose reads better
    const time =
      c.occurredPrecision !== "instant" ? formatOccurred(c, tr) : `${part(t, "hour")}:${part(t, "minute")} ${tz === "UTC" ? "UTC" : part(t, "timeZoneName")}`;
    if (days.at(-1)?.key !== key) days.push({ key, heading: heading.format(at), items: [] });
    days.at(-1)!.items.push({ ...c, time });
  }
  return days;
}

/** One page of the timeline: timed claims by day, then (on the last page) those with no time known. */
export async function timeline(db: Db, f: TimelineQuery, tr: Translator) {
  const chosen: Prisma.ClaimWhereInput = { ...(f.status ? { status: f.status } : {}), ...(f.story ? { stories: { some: { storyId: f.story } } } : {}) };
  const beyond = <T>(v: T) => (f.order === "asc" ? { gt: v } : { lt: v });
  const after: Prisma.ClaimWhereInput = f.after ? { OR: [{ occurredAt: beyond(f.after.at) }, { occurredAt: f.after.at, id: beyond(f.after.id) }] } : {};
  const rows = await db.claim.findMany({
    where: { AND: [chosen, { occurredAt: { not: null } }, after] },
    select: claimFields,
    orderBy: [{ occurredAt: f.order }, { id: f.order }],
    take: f.limit + 1,
  });
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > f.limit && last ? encodeCursor({ at: last.occurredAt!, id: last.id }) : null;
  const [timedCount, untimedCount, untimed] = await Promise.all([
    db.claim.count({ where: { ...chosen, occurredAt: { not: null } } }),
    db.claim.count({ where: { ...chosen, occurredAt: null } }),
    nextCursor ? [] : db.claim.findMany({ where: { ...chosen, occurredAt: null }, select: claimFields, orderBy: { id: "asc" }, take: UNTIMED_SHOWN }),
  ]);
  return { days: groupByDay(items, f.tz, tr), nextCursor, timedCount, untimedCount, untimed };
}
