// How the log reads a claim's assignment (see audit/audit.registry.ts):
// "Assignee: Nobody → Ed Itor", the account by the name it goes by now.
import { registerAuditActions, registerValueFormat } from "../audit/audit.registry.ts";
import { msg, N_ } from "../i18n/i18n.ts";

registerAuditActions(N_("Assignment"), { "claim.assign": N_("Assignee changed") });

registerValueFormat("assigneeId", {
  read: (v, { users }) => (v === null ? msg("Nobody") : typeof v === "number" ? (users?.[v] ?? msg("account #{id}", { id: String(v) })) : v),
  userIds: (v) => (typeof v === "number" ? [v] : []),
});
