// What a delivery POSTs: the event as JSON (the default), or a sentence for a
// chat's incoming webhook (Slack's and Mattermost's `{ "text" }`). Bodies are
// built in English, like the API's messages: a receiver matches on them.
import type { Db } from "../db.ts";
import { eventJson, type AuditEventJson } from "../audit/audit.service.ts";
import { actionLabel, recordKind } from "../audit/audit.registry.ts";
import { excerpt } from "../audit/audit.log.ts";
import { translate } from "../i18n/i18n.ts";

type EventRow = Parameters<typeof eventJson>[0];

/** The page of an event's record, where its history is; the log itself for an event on the whole ledger. */
const PATHS: Record<string, (id: number) => string> = {
  claim: (id) => `/claims/${id}`,
  source: (id) => `/sources/${id}`,
  entity: (id) => `/entities/${id}`,
  story: (id) => `/stories/${id}`,
  user: (id) => `/users/${id}`,
  webhook: (id) => `/webhooks/${id}`,
};

export const recordPath = (subjectType: string, subjectId: number) => PATHS[subjectType]?.(subjectId) ?? "/audit";

/** Where a page links an event: a claim's history lists each event under its id. */
export const eventPath = (e: { id: number; subjectType: string; subjectId: number }) =>
  e.subjectType === "claim" ? `/claims/${e.subjectId}/history#event-${e.id}` : recordPath(e.subjectType, e.subjectId);

/** The JSON body's event: what the API's history shows, with the actor's label and the chain's hash. */
function eventOf(e: AuditEventJson) {
  const { id, action, subjectType, subjectId, actor, createdAt, changes, reason, sourceIds, hash } = e;
  return { id, action, subjectType, subjectId, actor, createdAt, changes, reason, sourceIds, hash };
}

// Slack reads &, < and > as markup (links, mentions): text from people is escaped
const slackEscape = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** A status as the sentence says it; a change's side is stored JSON, a string for a status */
const words = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "—" : JSON.stringify(v));

/** The record in words: "Claim #12 “Altman is out as CEO”". */
async function recordWords(db: Db, e: AuditEventJson): Promise<string> {
  const kind = recordKind(e.subjectType);
  if (!kind) return `${e.subjectType} #${e.subjectId}`;
  const label = translate("en", kind.label, { id: String(e.subjectId) });
  const [named] = await kind.names(db, [e.subjectId]);
  return named?.text.trim() ? `${label} “${slackEscape(excerpt(named.text))}”` : label;
}

/** One sentence naming the change: "Claim #12 “…” resolved as confirmed by ed@example.org", then why, then the link. */
async function slackText(db: Db, e: AuditEventJson, url: string): Promise<string> {
  const record = await recordWords(db, e);
  const actor = slackEscape(e.actor);
  const status = e.changes.status;
  const head =
    e.action === "claim.resolve" && status
      ? `${record} resolved as ${words(status[1])} by ${actor}`
      : `${translate("en", actionLabel(e.action))} by ${actor}: ${record}${status ? ` (status ${words(status[0])} → ${words(status[1])})` : ""}`;
  const why = e.reason ? `\nWhy: ${slackEscape(e.reason)}` : "";
  return `${head}${why}\n${url}`;
}

/** The exact bytes a delivery sends (and signs). */
export async function deliveryBody(db: Db, format: string, deliveryId: number, row: EventRow, publicUrl: string): Promise<string> {
  const e = eventJson(row);
  const url = publicUrl + recordPath(e.subjectType, e.subjectId);
  if (format === "slack") return JSON.stringify({ text: await slackText(db, e, url) });
  return JSON.stringify({ delivery: deliveryId, event: eventOf(e), url });
}
