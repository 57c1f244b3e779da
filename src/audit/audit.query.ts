import { z } from "zod";
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { decodeCursor, page } from "../pagination.ts";
import { instantText, plainText } from "../validation.ts";
import { STATUS_LABELS, type Status } from "../claims/status.ts";
import { eventJson, historyOf, type AuditEventJson, type AuditInput } from "./audit.service.ts";
import { withActorNames } from "./audit.names.ts";
import { isolate } from "../text.ts";

/**
 * What each action reads as in history tables and the log's filter, grouped
 * by the kind of record it changes (the filter lists them so). Every label
 * is distinct, so a filter's choice reads alone.
 */
export const ACTION_GROUPS: { label: string; actions: Record<string, string> }[] = [
  {
    label: "Claims",
    actions: {
      "claim.create": "Claim created",
      "claim.update": "Claim edited",
      "claim.status": "Status changed",
      "claim.resolve": "Claim resolved",
      "claim.reopen": "Claim reopened",
      "claim.flag": "Flagged for review",
      "claim.review": "Review done",
      "claim.entities": "People and organisations changed",
      "evidence.add": "Evidence added",
      "evidence.remove": "Evidence removed",
    },
  },
  { label: "Sources", actions: { "source.create": "Source created", "source.update": "Source edited" } },
  {
    label: "People and organisations",
    actions: {
      "entity.create": "Entity created",
      "entity.update": "Entity edited",
      "entity.alias.add": "Alias added",
      "entity.alias.remove": "Alias removed",
      "entity.merge": "Entities merged",
    },
  },
  {
    label: "Accounts",
    actions: {
      "user.create": "Account created",
      "user.role": "Role changed",
      "user.token": "API token issued",
      "user.token.revoke": "API tokens revoked",
      "user.disable": "Account disabled",
      "user.enable": "Account enabled",
      "user.password": "Password changed",
    },
  },
  { label: "The ledger", actions: { "import.run": "Ledger imported" } },
];

export const ACTION_LABELS: Record<string, string> = Object.fromEntries(ACTION_GROUPS.flatMap((g) => Object.entries(g.actions)));

/** "claim.resolve" → "Claim resolved"; an action not in the table still reads as words. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/[._]/g, " ").replace(/^./, (c) => c.toUpperCase());
}

export type SourceTitles = Record<number, { id: number; title: string }>;

/** The titles of every source the events cite, for the history partial's links. */
export async function sourceTitles(db: Db, events: Pick<AuditEventJson, "sourceIds">[]): Promise<SourceTitles> {
  const ids = [...new Set(events.flatMap((e) => e.sourceIds))];
  if (!ids.length) return {};
  const rows = await db.source.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } });
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

/** One side of a change in words: evidence as its stance, quote and source; entity ids as names. */
export function describeValue(field: string, value: unknown, sources: SourceTitles, entities: EntityNames): unknown {
  if (field === "needsReview" && typeof value === "boolean") return value ? "Yes" : "No";
  if (field === "status" && typeof value === "string") return STATUS_LABELS[value as Status] ?? value;
  if (field === "entityIds" && Array.isArray(value)) return value.map((id: number) => entities[id] ?? `#${id}`);
  if (field === "evidence" && value && typeof value === "object") {
    const ev = value as { sourceId: number; stance: string; quote: string };
    const source = sources[ev.sourceId]?.title ?? `source #${ev.sourceId}`;
    return `${ev.stance}: ${isolate(source)}${ev.quote ? ` — “${isolate(ev.quote)}”` : ""}`;
  }
  if (field === "mergedEntity" && value && typeof value === "object") {
    const m = value as { id: number; name: string };
    return `${isolate(m.name)} (#${m.id})`;
  }
  if (field === "mergedInto" && typeof value === "number") return entities[value] ?? `entity #${value}`;
  return value;
}

const bound = (label: string, endOfDay: boolean) =>
  z.preprocess((v) => (v === "" ? undefined : v), instantText(`${label} must be a date such as 2023-11-20 or 2023-11-20T06:00Z.`, endOfDay).optional());

const optionalText = (max: number) => z.preprocess((v) => (v === "" ? undefined : v), plainText().trim().max(max).optional());

/** The log's filters, as they appear in /audit and /api/audit query strings; `limit` by default `defaultLimit`, and fields of the page's own. */
export function auditFilters<S extends z.ZodRawShape>(defaultLimit: number, extra: S) {
  return z
    .object({
      actor: optionalText(254),
      action: optionalText(100),
      since: bound("Since", false),
      until: bound("Until", true),
      limit: z.coerce.number().int().min(1).max(200).catch(defaultLimit).default(defaultLimit),
      cursor: z.string().max(200).optional(),
      ...extra,
    })
    .refine(
      (f) => {
        const { since, until } = f as { since?: Date; until?: Date }; // the extra fields leave these two as they are
        return !since || !until || since <= until;
      },
      { path: ["until"], message: "Until must not be before since." },
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
