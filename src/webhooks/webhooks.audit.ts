// How the log reads the webhooks' actions and values (see audit/audit.registry.ts).
import { registerAuditActions, registerRecordKind, registerValueFormat } from "../audit/audit.registry.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { loggedUrl, SECRET_REPLACED, SECRET_SET } from "./webhooks.service.ts";

registerAuditActions(N_("Webhooks"), {
  "webhook.create": N_("Webhook registered"),
  "webhook.update": N_("Webhook changed"),
});

// the log never holds a secret, only that one was set or replaced
registerValueFormat("secret", {
  read: (v) => (v === SECRET_SET ? msg("set (not shown)") : v === SECRET_REPLACED ? msg("replaced (not shown)") : v),
});

registerRecordKind("webhook", {
  label: N_("Webhook #{id}"),
  names: async (db, ids) =>
    (await db.webhook.findMany({ where: { id: { in: ids } }, select: { id: true, url: true } })).map((w) => ({ id: w.id, text: loggedUrl(w.url) })),
});
