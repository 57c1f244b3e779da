import { Router, type Request, type Response } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db.ts";
import { Conflict, Invalid, type FieldErrors } from "../errors.ts";
import { requireRole } from "../http/auth.ts";
import { flash } from "../http/flash.ts";
import { formBody, idParam, mount, route, withIds, type FormRenderer } from "../http/routes.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { actorOf } from "../users/users.service.ts";
import { parse } from "../validation.ts";
import { actionGroups } from "../audit/audit.registry.ts";
import { eventPath } from "./payload.ts";
import { deliveriesQuerySchema, DELIVERY_STATUS_LABELS, EVERY, FORMAT_LABELS, FORMATS } from "./webhooks.schema.ts";
import { getWebhook, listDeliveries, listWebhooks } from "./webhooks.query.ts";
import { createWebhook, retryDelivery, updateWebhook } from "./webhooks.service.ts";

const admin = [requireRole("admin")];
const blank = { url: "", actions: [] as string[], secret: "", format: "json", description: "" };

/** What the forms choose from: the log's groups of actions, and the formats. */
const choices = () => ({
  every: EVERY,
  groups: actionGroups().map((g) => ({ label: g.label, actions: Object.entries(g.actions).map(([value, text]) => ({ value, text })) })),
  formats: FORMATS,
  formatLabels: FORMAT_LABELS,
});

/** The new and edit pages share _form.ejs; `conflict` is the webhook as it is now, when the edit started from an older version. */
function renderForm(res: Response, view: "new" | "edit", values: Record<string, unknown>, errors: FieldErrors = {}, conflict: unknown = null) {
  const title = view === "new" ? res.req.t("New webhook") : res.req.t("Edit webhook");
  res.render(`webhooks/${view}`, { title, values, errors, conflict, ...choices() });
}

/** The form's checkboxes as a list: one ticked is sent as a string, none as nothing (which on an edit means none ticked, not "keep them"). */
const fromForm = (req: Request) => {
  const body = formBody(req);
  return { ...body, actions: body.actions === undefined ? [] : ([] as unknown[]).concat(body.actions) };
};

const createForm: FormRenderer = (req, res, err) =>
  renderForm(res.status(err.status), "new", { ...blank, ...fromForm(req), secret: "" }, err instanceof Invalid ? err.fields : {});

/** 422 back to the edit form; 409 to it too, with the webhook as it is now and its version, so that sending again saves the input kept. */
const updateForm: FormRenderer = (req, res, err) => {
  const values: Record<string, unknown> = { ...blank, ...fromForm(req), secret: "", id: idParam(req) };
  if (err instanceof Conflict) {
    const current = err.current as { version: number } | undefined;
    return renderForm(res.status(409), "edit", { ...values, version: current?.version ?? values.version }, { form: err.text }, current ?? null);
  }
  renderForm(res.status(err.status), "edit", values, err.fields);
};

/** Pausing or retrying refused (a stale version, a delivered delivery): said on the webhook's page. */
const onPage: FormRenderer = (req, res, err) => {
  flash(req, "error", err.text);
  res.redirect(`/webhooks/${idParam(req)}`);
};

/** The page that shows a secret, this once: no-store, so that neither the browser's cache nor its history keeps it. */
function showSecret(res: Response, webhook: { id: number }, created: boolean) {
  res.set("Cache-Control", "no-store");
  res.render("webhooks/secret", { title: msg("Webhook #{id}", { id: String(webhook.id) }), webhook, created });
}

export function webhooksRouter(db: Db, config: Config) {
  const rule = { allowPrivate: config.webhooksAllowPrivate };

  async function show(req: Request, res: Response) {
    const webhook = await getWebhook(db, idParam(req));
    const deliveries = await listDeliveries(db, webhook.id, parse(deliveriesQuerySchema, req.query));
    res.render("webhooks/show", {
      title: msg("Webhook #{id}", { id: String(webhook.id) }),
      webhook,
      ...deliveries,
      eventPath,
      statusLabels: DELIVERY_STATUS_LABELS,
      ...choices(),
    });
  }

  /** The secret is shown on this page, once: it is in no redirect, flash or log. */
  async function create(req: Request, res: Response) {
    const webhook = await createWebhook(db, actorOf(req.user!), fromForm(req), rule);
    showSecret(res.status(201), webhook, true);
  }

  async function update(req: Request, res: Response) {
    const webhook = await updateWebhook(db, actorOf(req.user!), idParam(req), fromForm(req), rule);
    if ("secret" in webhook) return showSecret(res, webhook, false);
    flash(req, "success", msg("Webhook #{id} saved.", { id: String(webhook.id) }));
    res.redirect(`/webhooks/${webhook.id}`);
  }

  async function setActive(req: Request, res: Response) {
    const webhook = await updateWebhook(db, actorOf(req.user!), idParam(req), { active: formBody(req).active, version: formBody(req).version }, rule);
    flash(
      req,
      "success",
      webhook.active ? msg("Webhook #{id} resumed.", { id: String(webhook.id) }) : msg("Webhook #{id} paused.", { id: String(webhook.id) }),
    );
    res.redirect(`/webhooks/${webhook.id}`);
  }

  async function retry(req: Request, res: Response) {
    const delivery = await retryDelivery(db, idParam(req), idParam(req, "deliveryId"));
    // a paused webhook sends nothing: the delivery is due, and goes when it is resumed
    const said = delivery.webhook.active ? N_("Delivery #{id} will be sent again now.") : N_("Delivery #{id} will be sent again when the webhook is resumed.");
    flash(req, "success", msg(said, { id: String(delivery.id) }));
    res.redirect(`/webhooks/${idParam(req)}`);
  }

  return mount(withIds(Router(), { id: N_("That webhook"), deliveryId: N_("That delivery") }), [
    route(
      "get",
      "/webhooks",
      admin,
      async (_req, res) =>
        void res.render("webhooks/index", { title: msg("Webhooks"), webhooks: await listWebhooks(db), statusLabels: DELIVERY_STATUS_LABELS }),
    ),
    route("get", "/webhooks/new", admin, (_req, res) => renderForm(res, "new", blank)),
    route("post", "/webhooks", admin, create, createForm),
    route("get", "/webhooks/:id", admin, show),
    route("get", "/webhooks/:id/edit", admin, async (req, res) => renderForm(res, "edit", { ...(await getWebhook(db, idParam(req))), secret: "" })),
    route("post", "/webhooks/:id", admin, update, updateForm),
    route("post", "/webhooks/:id/active", admin, setActive, onPage),
    route("post", "/webhooks/:id/deliveries/:deliveryId/retry", admin, retry, onPage),
  ]);
}
