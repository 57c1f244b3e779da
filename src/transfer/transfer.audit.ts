// How the log reads the import's action (see audit/audit.registry.ts).
import { registerAuditActions } from "../audit/audit.registry.ts";
import { N_ } from "../i18n/i18n.ts";

registerAuditActions(N_("The ledger"), { "import.run": N_("Ledger imported") });
