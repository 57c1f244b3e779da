import type { Db } from "../db.ts";
import { NotFound } from "../errors.ts";
import { N_ } from "../i18n/i18n.ts";
import { decodeCursor, page } from "../pagination.ts";

export type WebhookRow = Awaited<ReturnType<Db["webhook"]["findUniqueOrThrow"]>>;
export type DeliveryRow = Awaited<ReturnType<Db["webhookDelivery"]["findUniqueOrThrow"]>>;

/** A webhook as pages and the API show it: never its secret. */
export function webhookJson(w: WebhookRow) {
  return {
    id: w.id,
    url: w.url,
    actions: JSON.parse(w.actions) as string[],
    format: w.format,
    description: w.description,
    active: w.active,
    version: w.version,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}
export type WebhookJson = ReturnType<typeof webhookJson>;

/** A delivery as pages and the API show it, with the action of its event. */
export const deliveryJson = (d: DeliveryRow, action: string | null) => ({
  id: d.id,
  webhookId: d.webhookId,
  eventId: d.eventId,
  action,
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  lastAttemptAt: d.lastAttemptAt,
  nextAttemptAt: d.status === "pending" ? d.nextAttemptAt : null,
  deliveredAt: d.deliveredAt,
  createdAt: d.createdAt,
});

/** Every webhook, oldest first, with its latest delivery (null before the first). */
export async function listWebhooks(db: Db) {
  const rows = await db.webhook.findMany({ orderBy: { id: "asc" } });
  // a newsroom has a few webhooks: one indexed look-up each (webhookId, id)
  const latest = await Promise.all(rows.map((w) => db.webhookDelivery.findFirst({ where: { webhookId: w.id }, orderBy: { id: "desc" } })));
  return rows.map((w, i) => ({ ...webhookJson(w), lastDelivery: latest[i] ? deliveryJson(latest[i], null) : null }));
}

export async function getWebhook(db: Db, id: number): Promise<WebhookJson> {
  const row = await db.webhook.findUnique({ where: { id } });
  if (!row) throw new NotFound(N_("That webhook"));
  return webhookJson(row);
}

/** A webhook's deliveries, newest first, paged by id, each with the subject of its event (for the link to it). */
export async function listDeliveries(db: Db, webhookId: number, { limit, cursor }: { limit: number; cursor?: string | undefined }) {
  await getWebhook(db, webhookId);
  const rows = await db.webhookDelivery.findMany({
    where: { webhookId, ...(cursor ? { id: { lt: decodeCursor(cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const { items, nextCursor } = page(rows, limit);
  const events = await db.auditEvent.findMany({
    where: { id: { in: items.map((d) => d.eventId) } },
    select: { id: true, action: true, subjectType: true, subjectId: true },
  });
  const byId = new Map(events.map((e) => [e.id, e]));
  return {
    items: items.map((d) => {
      const e = byId.get(d.eventId);
      return { ...deliveryJson(d, e?.action ?? null), subjectType: e?.subjectType ?? null, subjectId: e?.subjectId ?? null };
    }),
    nextCursor,
  };
}
