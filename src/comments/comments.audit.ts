// How the log reads the discussion (see audit/audit.registry.ts): a comment as its text, as typed.
import { registerAuditActions, registerValueFormat } from "../audit/audit.registry.ts";
import { N_ } from "../i18n/i18n.ts";

registerAuditActions(N_("Discussion"), { "comment.add": N_("Comment posted") });

registerValueFormat("comment", {
  read: (v) => (v && typeof v === "object" && typeof (v as { body?: unknown }).body === "string" ? (v as { body: string }).body : v),
});
