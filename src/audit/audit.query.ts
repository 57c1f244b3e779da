import { z } from "zod";
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { reads } from "../db.ts";
import { decodeCursor, page } from "../pagination.ts";
import { id, instantText, plainText } from "../validation.ts";
import { eventJson, historyOf, type AuditEventJson, type AuditInput } from "./audit.service.ts";
import { withActorNames } from "./audit.names.ts";
import { entityIdsIn, userIdsIn, type Names } from "./audit.registry.ts";
import { N_ } from "../i18n/i18n.ts";

const { sql, join } = Prisma;

export type SourceTitles = Names["sources"];

/** The titles of every source the events cite, for the history partial's links. */
export async function sourceTitles(db: Db, events: Pick<AuditEventJson, "sourceIds">[]): Promise<SourceTitles> {
  const ids = [...new Set(events.flatMap((e) => e.sourceIds))];
  if (!ids.length) return {};
  const rows = await reads(db).query<{ id: number; title: string }>(sql`SELECT id, title FROM "Source" WHERE id IN (${join(ids)})`);
  return Object.fromEntries(rows.map((s) => [s.id, s]));
}

export type EntityNames = Names["entities"];

/** The names of every entity the events link or unlink, so a history reads "Sam Altman", not "3". */
export async function entityNames(db: Db, events: Pick<AuditEventJson, "changes">[]): Promise<EntityNames> {
  const ids = new Set(events.flatMap((e) => entityIdsIn(e.changes)));
  if (!ids.size) return {};
  const rows = await db.entity.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  const names: EntityNames = Object.fromEntries(rows.map((e) => [e.id, e.name]));
  // an entity merged away keeps the name it had (EntityMerge, kept from the merge events)
  const gone = [...ids].filter((id) => !(id in names));
  if (gone.length)
    for (const m of await db.entityMerge.findMany({ where: { mergedId: { in: gone } }, select: { mergedId: true, name: true } })) names[m.mergedId] = m.name;
  return names;
}

export type UserNames = NonNullable<Names["users"]>;

/** The names of the accounts the events' values name (an assignee): the name, else the e-mail. */
export async function userNames(db: Db, events: Pick<AuditEventJson, "changes">[]): Promise<UserNames> {
  const ids = [...new Set(events.flatMap((e) => userIdsIn(e.changes)))];
  if (!ids.length) return {};
  const rows = await reads(db).query<{ id: number; name: string; email: string }>(sql`SELECT id, name, email FROM "User" WHERE id IN (${join(ids)})`);
  return Object.fromEntries(rows.map((u) => [u.id, u.name.trim() || u.email]));
}

/** The sources, entities and accounts the events name, as views/partials/history.ejs takes them. */
export async function namesIn(db: Db, events: Pick<AuditEventJson, "sourceIds" | "changes">[]) {
  const [sources, entities, users] = await Promise.all([sourceTitles(db, events), entityNames(db, events), userNames(db, events)]);
  return { sources, entities, users };
}

/** The locals views/partials/history.ejs takes: a record's events newest first, and the sources, entities and accounts they name. */
export async function pageHistory(db: Db, subjectType: AuditInput["subjectType"], subjectId: number) {
  const events = await withActorNames(db, (await historyOf(db, subjectType, subjectId)).reverse());
  return { events, ...(await namesIn(db, events)) };
}

const bound = (message: string, endOfDay: boolean) => z.preprocess((v) => (v === "" ? undefined : v), instantText(message, endOfDay).optional());

const optionalText = (max: number) => z.preprocess((v) => (v === "" ? undefined : v), plainText().trim().max(max).optional());

/** The log's filters, as they appear in /audit and /api/audit query strings; `limit` by default `defaultLimit`, and fields of the page's own. */
export function auditFilters<S extends z.ZodRawShape>(defaultLimit: number, extra: S) {
  return z
    .object({
      actor: optionalText(254),
      action: optionalText(100),
      since: bound(N_("Since must be a date such as 2023-11-20 or 2023-11-20T06:00Z."), false),
      until: bound(N_("Until must be a date such as 2023-11-20 or 2023-11-20T06:00Z."), true),
      /** one record's events: ?subjectType=story&subjectId=3 (a record's page links its events so) */
      subjectType: optionalText(20),
      subjectId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
      limit: z.coerce.number().int().min(1).max(200).catch(defaultLimit).default(defaultLimit),
      cursor: z.string().max(200).optional(),
      ...extra,
    })
    .refine(
      (f) => {
        const { since, until } = f as { since?: Date; until?: Date }; // the extra fields leave these two as they are
        return !since || !until || since <= until;
      },
      { path: ["until"], message: N_("Until must not be before since.") },
    );
}

export const auditQuerySchema = auditFilters(50, {});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The events the filters keep (the cursor aside). */
export function auditWhere(f: Omit<AuditQuery, "limit" | "cursor">): Prisma.AuditEventWhereInput[] {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actor) and.push({ actorLabel: f.actor });
  if (f.action) and.push({ action: f.action });
  if (f.subjectType) and.push({ subjectType: f.subjectType });
  if (f.subjectId) and.push({ subjectId: f.subjectId });
  if (f.since) and.push({ createdAt: { gte: f.since } });
  if (f.until) and.push({ createdAt: { lte: f.until } });
  return and;
}

/** The log, newest first, a page at a time. */
export async function listAudit(db: Db, f: AuditQuery) {
  const and = auditWhere(f);
  if (f.cursor) and.push({ id: { lt: decodeCursor(f.cursor) } });
  const rows = await db.auditEvent.findMany({ where: { AND: and }, orderBy: { id: "desc" }, take: f.limit + 1 });
  const { items, nextCursor } = page(rows, f.limit);
  return { items: items.map(eventJson), nextCursor };
}
