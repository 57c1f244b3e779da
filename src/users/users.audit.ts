// How the log reads the accounts' actions (see audit/audit.registry.ts).
import { registerAuditActions, registerRecordKind } from "../audit/audit.registry.ts";
import { N_ } from "../i18n/i18n.ts";

registerAuditActions(N_("Accounts"), {
  "user.create": N_("Account created"),
  "user.role": N_("Role changed"),
  "user.token": N_("API token issued"),
  "user.token.revoke": N_("API tokens revoked"),
  "user.disable": N_("Account disabled"),
  "user.enable": N_("Account enabled"),
  "user.password": N_("Password changed"),
  "user.locale": N_("Interface language chosen"),
});

registerRecordKind("user", {
  label: N_("User #{id}"),
  names: async (db, ids) => (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => ({ id: u.id, text: u.name })),
});
