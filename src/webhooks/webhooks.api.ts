import { Router } from "express";
import type { Config } from "../config.ts";
import type { Db } from "../db.ts";
import { requireRole } from "../http/auth.ts";
import { idParam, mount, route, withIds } from "../http/routes.ts";
import { N_ } from "../i18n/i18n.ts";
import { actorOf } from "../users/users.service.ts";
import { parse } from "../validation.ts";
import { deliveryJson, getWebhook, listDeliveries, listWebhooks } from "./webhooks.query.ts";
import { deliveriesQuerySchema } from "./webhooks.schema.ts";
import { createWebhook, retryDelivery, updateWebhook } from "./webhooks.service.ts";

const admin = [requireRole("admin")];

/** The JSON API over webhooks, admins only: same services, same validation, same audit as the pages. */
export function webhooksApi(db: Db, config: Config) {
  const rule = { allowPrivate: config.webhooksAllowPrivate };
  return mount(withIds(Router(), { id: N_("That webhook"), deliveryId: N_("That delivery") }), [
    route("get", "/webhooks", admin, async (_req, res) => void res.json({ items: await listWebhooks(db) })),
    route("post", "/webhooks", admin, async (req, res) => void res.status(201).json(await createWebhook(db, actorOf(req.user!), req.body, rule))),
    route("get", "/webhooks/:id", admin, async (req, res) => void res.json(await getWebhook(db, idParam(req)))),
    route("patch", "/webhooks/:id", admin, async (req, res) => void res.json(await updateWebhook(db, actorOf(req.user!), idParam(req), req.body, rule))),
    route(
      "get",
      "/webhooks/:id/deliveries",
      admin,
      async (req, res) => void res.json(await listDeliveries(db, idParam(req), parse(deliveriesQuerySchema, req.query))),
    ),
    route("post", "/webhooks/:id/deliveries/:deliveryId/retry", admin, async (req, res) => {
      res.json(deliveryJson(await retryDelivery(db, idParam(req), idParam(req, "deliveryId")), null));
    }),
  ]);
}
