import { z } from "zod";
import type { Db } from "../db.ts";
import { reads } from "../db.ts";
import { decodeCursor, encodeCursor, page } from "../pagination.ts";
import { eventJson, type AuditEventJson } from "./audit.service.ts";
import { withActorNames } from "./audit.names.ts";
import { auditFilters, auditWhere, namesIn } from "./audit.query.ts";
import { actionGroups, actionLabel, recordKind } from "./audit.registry.ts";
import { chainState } from "./audit.verification.ts";
import { N_ } from "../i18n/i18n.ts";

/** The /audit page's query: the API's filters, a page short enough to read on a phone, and a cursor back towards the newest. */
export const auditPageSchema = auditFilters(25, { newer: z.string().max(200).optional() });
export type AuditPageQuery = z.infer<typeof auditPageSchema>;

/**
 * A page of the log, newest first, with the cursors of the older page and
 * of the newer one (null on the newest). `newer` walks back up: the events
 * just above it, read oldest first, then turned around.
 */
async function logPage(db: Db, f: AuditPageQuery) {
  const and = auditWhere(f);
  if (f.newer) {
    const rows = await db.auditEvent.findMany({ where: { AND: [...and, { id: { gt: decodeCursor(f.newer) } }] }, orderBy: { id: "asc" }, take: f.limit + 1 });
    const items = rows.slice(0, f.limit).reverse();
    return { items, olderCursor: items.length ? encodeCursor(items.at(-1)!.id) : null, newerCursor: rows.length > f.limit ? encodeCursor(items[0]!.id) : null };
  }
  if (f.cursor) and.push({ id: { lt: decodeCursor(f.cursor) } });
  const rows = await db.auditEvent.findMany({ where: { AND: and }, orderBy: { id: "desc" }, take: f.limit + 1 });
  const { items, nextCursor } = page(rows, f.limit);
  return { items, olderCursor: nextCursor, newerCursor: f.cursor && items.length ? encodeCursor(items[0]!.id) : null };
}

const EXCERPT = 60;

/** The start of a long text, cut between words and marked with "…", for a row that names its record. */
export function excerpt(text: string): string {
  const graphemes = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text.trim())].map((s) => s.segment);
  if (graphemes.length <= EXCERPT) return text.trim();
  const cut = graphemes.slice(0, EXCERPT).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > EXCERPT / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "claim:2" → the words that name that record (a statement's start, a title, a name), one query per kind of record on the page. */
export async function recordNames(db: Db, events: Pick<AuditEventJson, "subjectType" | "subjectId">[]): Promise<Record<string, string>> {
  const ids = new Map<string, Set<number>>();
  for (const e of events) if (recordKind(e.subjectType)) ids.set(e.subjectType, (ids.get(e.subjectType) ?? new Set()).add(e.subjectId));
  const named = await Promise.all(
    [...ids].map(async ([type, of]) =>
      (await recordKind(type)!.names(db, [...of])).filter((r) => r.text.trim()).map((r): [string, string] => [`${type}:${r.id}`, excerpt(r.text)]),
    ),
  );
  return Object.fromEntries(named.flat());
}

/**
 * The distinct values of an indexed column of the log, one index seek each
 * (a "skip scan" by recursive query): the log has hundreds of thousands of
 * events and a few dozen actors and actions, so GROUP BY's walk of the
 * whole index was most of /audit's time.
 */
async function distinct(db: Db, column: "actorLabel" | "action"): Promise<string[]> {
  const sql = `WITH RECURSIVE v(x) AS (SELECT MIN("${column}") FROM "AuditEvent" UNION ALL SELECT (SELECT MIN("${column}") FROM "AuditEvent" WHERE "${column}" > v.x) FROM v WHERE v.x IS NOT NULL)
    SELECT x FROM v WHERE x IS NOT NULL`;
  return (await reads(db).all<{ x: string }>(sql)).map((r) => r.x);
}

/** The filter's choices among what occurs in the log: who by the name they go by now, and the actions in words, grouped by kind of record. */
export async function filterChoices(db: Db) {
  // by label alone (a label is the account's e-mail at the time)
  const labels = await distinct(db, "actorLabel");
  const actions = (await distinct(db, "action")).map((action) => ({ action }));
  const users = await db.user.findMany({ where: { email: { in: labels } }, select: { email: true, name: true } });
  const names = new Map(users.filter((u) => u.name.trim()).map((u) => [u.email, u.name]));
  const actors = labels.map((label) => ({ value: label, text: names.get(label) ?? label }));
  const occurring = new Set(actions.map((a) => a.action));
  const known = new Set(actionGroups().flatMap((g) => Object.keys(g.actions)));
  const groups = [
    ...actionGroups(),
    { label: N_("Other"), actions: Object.fromEntries([...occurring].filter((a) => !known.has(a)).map((a) => [a, actionLabel(a)])) },
  ]
    .map((g) => ({
      label: g.label,
      actions: Object.entries(g.actions)
        .filter(([a]) => occurring.has(a))
        .map(([value, text]) => ({ value, text })),
    }))
    .filter((g) => g.actions.length);
  return { actors: actors.sort((a, b) => a.text.localeCompare(b.text)), actionGroups: groups };
}

/** Everything /audit shows: a page of events with their actors' and records' names, the sources they cite, the filter choices and the chain's last verification. */
export async function auditLog(db: Db, f: AuditPageQuery) {
  const [logged, choices, chain] = await Promise.all([logPage(db, f), filterChoices(db), chainState(db)]);
  const items = await withActorNames(db, logged.items.map(eventJson));
  const [names, records] = await Promise.all([namesIn(db, items), recordNames(db, items)]);
  return { ...logged, items, ...choices, ...names, records, chain };
}
