import { z } from "zod";
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { reads } from "../sqlite/reads.ts";
import { decodeCursor, page } from "../pagination.ts";
import { instantText, plainText } from "../validation.ts";
import { STATUS_LABELS, type Status } from "../claims/status.ts";
import { eventJson, historyOf, type AuditEventJson, type AuditInput } from "./audit.service.ts";
import { withActorNames } from "./audit.names.ts";
import { isolate } from "../text.ts";
import { msg, N_ } from "../i18n/i18n.ts";

const { sql, join } = Prisma;

/** How a history names an evidence's stance. */
const STANCE_WORDS: Record<string, string> = { supports: N_("supports"), refutes: N_("refutes"), mentions: N_("mentions") };

/**
 * What each action reads as in history tables and the log's filter, grouped
 * by the kind of record it changes (the filter lists them so). Every label
 * is distinct, so a filter's choice reads alone.
 */
export const ACTION_GROUPS: { label: string; actions: Record<string, string> }[] = [
  {
    label: N_("Claims"),
    actions: {
      "claim.create": N_("Claim created"),
      "claim.update": N_("Claim edited"),
      "claim.status": N_("Status changed"),
      "claim.resolve": N_("Claim resolved"),
      "claim.reopen": N_("Claim reopened"),
      "claim.flag": N_("Flagged for review"),
      "claim.review": N_("Review done"),
      "claim.entities": N_("People and organisations changed"),
      "evidence.add": N_("Evidence added"),
      "evidence.remove": N_("Evidence removed"),
    },
  },
  { label: N_("Sources"), actions: { "source.create": N_("Source created"), "source.update": N_("Source edited") } },
  {
    label: N_("People and organisations"),
    actions: {
      "entity.create": N_("Entity created"),
      "entity.update": N_("Entity edited"),
      "entity.alias.add": N_("Alias added"),
      "entity.alias.remove": N_("Alias removed"),
      "entity.merge": N_("Entities merged"),
    },
  },
  {
    label: N_("Accounts"),
    actions: {
      "user.create": N_("Account created"),
      "user.role": N_("Role changed"),
      "user.token": N_("API token issued"),
      "user.token.revoke": N_("API tokens revoked"),
      "user.disable": N_("Account disabled"),
      "user.enable": N_("Account enabled"),
      "user.password": N_("Password changed"),
      "user.locale": N_("Interface language chosen"),
    },
  },
  { label: N_("The ledger"), actions: { "import.run": N_("Ledger imported") } },
];

export const ACTION_LABELS: Record<string, string> = Object.fromEntries(ACTION_GROUPS.flatMap((g) => Object.entries(g.actions)));

/** "claim.resolve" → "Claim resolved" (a message id, translated where shown); an action not in the table still reads as words. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/[._]/g, " ").replace(/^./, (c) => c.toUpperCase());
}

export type SourceTitles = Record<number, { id: number; title: string }>;

/** The titles of every source the events cite, for the history partial's links. */
export async function sourceTitles(db: Db, events: Pick<AuditEventJson, "sourceIds">[]): Promise<SourceTitles> {
  const ids = [...new Set(events.flatMap((e) => e.sourceIds))];
  if (!ids.length) return {};
  const rows = reads(db).query<{ id: number; title: string }>(sql`SELECT id, title FROM Source WHERE id IN (${join(ids)})`);
  return Object.fromEntries(rows.map((s) => [s.id, s]));
}

export type EntityNames = Record<number, string>;

/** The names of every entity the events link or unlink, so a history reads "Sam Altman", not "3". */
export async function entityNames(db: Db, events: Pick<AuditEventJson, "changes">[]): Promise<EntityNames> {
  const ids = new Set<number>();
  for (const e of events) {
    for (const side of e.changes.entityIds ?? []) for (const id of (side as number[] | null) ?? []) ids.add(id);
    const into = e.changes.mergedInto?.[1];
    if (typeof into === "number") ids.add(into);
  }
  if (!ids.size) return {};
  const rows = await db.entity.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  const names: EntityNames = Object.fromEntries(rows.map((e) => [e.id, e.name]));
  // an entity merged away keeps the name its survivor's merge event recorded
  const gone = [...ids].filter((id) => !(id in names));
  if (gone.length) {
    const merges = await db.auditEvent.findMany({ where: { subjectType: "entity", action: "entity.merge" }, select: { changes: true } });
    for (const m of merges) {
      const merged = (JSON.parse(m.changes) as Record<string, [unknown, { id: number; name: string } | null]>).mergedEntity?.[1];
      if (merged && gone.includes(merged.id)) names[merged.id] = merged.name;
    }
  }
  return names;
}

/** The locals views/partials/history.ejs takes: a record's events newest first, and the sources and entities they name. */
export async function pageHistory(db: Db, subjectType: AuditInput["subjectType"], subjectId: number) {
  const events = await withActorNames(db, (await historyOf(db, subjectType, subjectId)).reverse());
  return { events, sources: await sourceTitles(db, events), entities: await entityNames(db, events) };
}

/**
 * The changes a history row lists. A resolution note is the resolve event's
 * reason (its Why), and reopening always clears it: listed as a change too,
 * the note would show twice or three times.
 */
export function listedChanges(e: Pick<AuditEventJson, "action" | "changes">): [string, [unknown, unknown]][] {
  const noteShownElsewhere = e.action === "claim.resolve" || e.action === "claim.reopen";
  return Object.entries(e.changes).filter(([field]) => !(noteShownElsewhere && field === "resolutionNote"));
}

/**
 * One side of a change in words: evidence as its stance, quote and source;
 * entity ids as names. What the ledger says in its own words is a Message,
 * translated where shown; what people typed is returned as it is.
 */
export function describeValue(field: string, value: unknown, sources: SourceTitles, entities: EntityNames): unknown {
  if (field === "needsReview" && typeof value === "boolean") return value ? msg("Yes") : msg("No");
  if (field === "status" && typeof value === "string") return value in STATUS_LABELS ? msg(STATUS_LABELS[value as Status]) : value;
  if (field === "entityIds" && Array.isArray(value)) return value.map((id: number) => entities[id] ?? `#${id}`);
  if (field === "evidence" && value && typeof value === "object") {
    const ev = value as { sourceId: number; stance: string; quote: string };
    const source = sources[ev.sourceId] ? isolate(sources[ev.sourceId]!.title) : msg("source #{id}", { id: String(ev.sourceId) });
    const stance = ev.stance in STANCE_WORDS ? msg(STANCE_WORDS[ev.stance]!) : ev.stance;
    return ev.quote ? msg("{stance}: {source} — “{quote}”", { stance, source, quote: isolate(ev.quote) }) : msg("{stance}: {source}", { stance, source });
  }
  if (field === "mergedEntity" && value && typeof value === "object") {
    const m = value as { id: number; name: string };
    return msg("{name} (#{id})", { name: isolate(m.name), id: String(m.id) });
  }
  if (field === "mergedInto" && typeof value === "number") return entities[value] ?? msg("entity #{id}", { id: String(value) });
  return value;
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
