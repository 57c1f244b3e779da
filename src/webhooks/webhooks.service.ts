import { randomBytes } from "node:crypto";
import { inTransaction, type Db } from "../db.ts";
import { atVersion, Conflict, Invalid, NotFound } from "../errors.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { parse } from "../validation.ts";
import { diff, recordAudit, type Actor, type Changes } from "../audit/audit.service.ts";
import { nonPublicAddress } from "./address.ts";
import { createWebhookSchema, updateWebhookSchema } from "./webhooks.schema.ts";
import { webhookJson, type WebhookRow } from "./webhooks.query.ts";
import { wakeDeliveries } from "./wake.ts";

export interface AddressRule {
  /** WEBHOOKS_ALLOW_PRIVATE=1: private, loopback and link-local targets are allowed */
  allowPrivate: boolean;
}

/** The audit log says a secret was set or replaced, never what it is. */
export const SECRET_SET = "hidden";
export const SECRET_REPLACED = "replaced";

const AUDITED = ["url", "actions", "format", "description", "active"] as const;

/** A generated secret: 32 random bytes, as URL-safe text. */
const newSecret = () => randomBytes(32).toString("base64url");

/** A 422 on url when the host is or resolves to an address the rule refuses. */
async function checkTarget(url: string, rule: AddressRule): Promise<void> {
  if (rule.allowPrivate) return;
  const address = await nonPublicAddress(new URL(url).hostname);
  if (address)
    throw new Invalid({
      url: msg("This address leads to {address}, a private, loopback or local network address: webhooks may only reach public addresses.", { address }),
    });
}

/**
 * A webhook's address as the audit log keeps it, where every reader sees it:
 * its origin, the path and query left out, as chat services (Slack,
 * Mattermost, Teams) put there the token that lets anyone post. The
 * webhook's page, for admins, shows the whole address.
 */
export function loggedUrl(url: string): string {
  const u = new URL(url);
  return u.pathname === "/" && !u.search && !u.hash ? u.origin : `${u.origin}/…`;
}

/** The changes with the address as logged (null before a webhook's creation). */
function logged(changes: Changes): Changes {
  if (!changes.url) return changes;
  const [before, after] = changes.url as [string | null, string];
  return { ...changes, url: [before === null ? null : loggedUrl(before), loggedUrl(after)] };
}

/** The fields as audited and compared: actions as the list they are, not their stored JSON. */
const auditable = (w: WebhookRow) => ({ ...w, actions: JSON.parse(w.actions) as string[] });

/** A new webhook, audited; the secret is returned this once (generated when none is given). */
export async function createWebhook(db: Db, actor: Actor, input: unknown, rule: AddressRule) {
  const { secret = newSecret(), ...data } = parse(createWebhookSchema, input);
  await checkTarget(data.url, rule);
  const webhook = await inTransaction(db, async (tx) => {
    const row = await tx.webhook.create({ data: { ...data, actions: JSON.stringify(data.actions), secret } });
    const created = auditable(row);
    // a blank description is left out: a "— → —" line would say nothing
    const changes: Changes = {
      ...diff(
        {} as typeof created,
        created,
        AUDITED.filter((f) => created[f] !== ""),
      ),
      secret: [null, SECRET_SET],
    };
    await recordAudit(tx, actor, { action: "webhook.create", subjectType: "webhook", subjectId: row.id, changes: logged(changes) });
    return row;
  });
  return { ...webhookJson(webhook), secret };
}

/**
 * An edit from the form or PATCH, at the version it started from: pausing
 * and resuming are edits of `active`. A new secret (given, or generated) is
 * returned this once; nothing is written when nothing changed.
 */
export async function updateWebhook(db: Db, actor: Actor, id: number, input: unknown, rule: AddressRule) {
  const { version, secret: given, generateSecret, ...sent } = parse(updateWebhookSchema, input);
  const fields = Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined)) as typeof sent;
  const secret = given ?? (generateSecret ? newSecret() : undefined);
  const current = await db.webhook.findUnique({ where: { id } });
  if (!current) throw new NotFound(N_("That webhook"));
  if (fields.url !== undefined && fields.url !== current.url) await checkTarget(fields.url, rule);
  const webhook = await inTransaction(db, async (tx) => {
    const before = atVersion(auditable(await tx.webhook.findUniqueOrThrow({ where: { id } })), version, N_("webhook"));
    const changes = diff(before, fields, AUDITED);
    if (secret !== undefined && secret !== current.secret) changes.secret = [SECRET_SET, SECRET_REPLACED];
    if (!Object.keys(changes).length) return tx.webhook.findUniqueOrThrow({ where: { id } });
    const { actions, ...rest } = fields;
    const data = { ...rest, ...(actions ? { actions: JSON.stringify(actions) } : {}), ...(changes.secret ? { secret } : {}) };
    const { count } = await tx.webhook.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1)
      throw new Conflict(N_("Someone changed this webhook at the same moment. Nothing was saved."), await tx.webhook.findUnique({ where: { id } }));
    await recordAudit(tx, actor, { action: "webhook.update", subjectType: "webhook", subjectId: id, changes: logged(changes) });
    return tx.webhook.findUniqueOrThrow({ where: { id } });
  });
  return { ...webhookJson(webhook), ...(secret !== undefined && secret !== current.secret ? { secret } : {}) };
}

/**
 * Sends a pending or failed delivery again now (a failed one is pending
 * again, with its attempts kept). A delivered one is a 409: the receiver has
 * it. Not an audit event: it changes when the outbox sends, not the ledger.
 */
export async function retryDelivery(db: Db, webhookId: number, deliveryId: number) {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: deliveryId, webhookId, status: { in: ["pending", "failed"] } },
    data: { status: "pending", nextAttemptAt: new Date() },
  });
  if (!count) {
    const found = await db.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId }, select: { status: true } });
    if (!found) throw new NotFound(N_("That delivery"));
    throw new Conflict(msg("Delivery #{id} was already delivered.", { id: String(deliveryId) }));
  }
  wakeDeliveries();
  // with whether its webhook is active: a paused one sends it only once resumed
  return db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { webhook: { select: { active: true } } } });
}
