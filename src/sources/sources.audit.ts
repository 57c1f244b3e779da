// How the log reads the sources' actions (see audit/audit.registry.ts).
import { registerAuditActions } from "../audit/audit.registry.ts";
import { N_ } from "../i18n/i18n.ts";

registerAuditActions(N_("Sources"), { "source.create": N_("Source created"), "source.update": N_("Source edited") });
