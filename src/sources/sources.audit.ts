// How the log reads the sources' actions (see audit/audit.registry.ts).
import { registerAuditActions, registerRecordKind } from "../audit/audit.registry.ts";
import { N_ } from "../i18n/i18n.ts";

registerAuditActions(N_("Sources"), { "source.create": N_("Source created"), "source.update": N_("Source edited") });

registerRecordKind("source", {
  label: N_("Source #{id}"),
  names: async (db, ids) =>
    (await db.source.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((s) => ({ id: s.id, text: s.title })),
});
