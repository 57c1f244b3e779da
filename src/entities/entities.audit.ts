// How the log reads the entities' actions and values (see audit/audit.registry.ts).
import { registerAuditActions, registerRecordKind, registerValueFormat } from "../audit/audit.registry.ts";
import { isolate } from "../text.ts";
import { msg, N_ } from "../i18n/i18n.ts";

registerAuditActions(N_("People and organisations"), {
  "entity.create": N_("Entity created"),
  "entity.update": N_("Entity edited"),
  "entity.alias.add": N_("Alias added"),
  "entity.alias.remove": N_("Alias removed"),
  "entity.merge": N_("Entities merged"),
});

// the survivor's event: the entry it absorbed, by the name it had
registerValueFormat("mergedEntity", {
  read(v) {
    if (!v || typeof v !== "object") return v;
    const m = v as { id: number; name: string };
    return msg("{name} (#{id})", { name: isolate(m.name), id: String(m.id) });
  },
});

// the absorbed entry's event: where it went
registerValueFormat("mergedInto", {
  read: (v, { entities }) => (typeof v === "number" ? (entities[v] ?? msg("entity #{id}", { id: String(v) })) : v),
  entityIds: (v) => (typeof v === "number" ? [v] : []),
});

registerRecordKind("entity", {
  label: N_("Entity #{id}"),
  names: async (db, ids) =>
    (await db.entity.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((e) => ({ id: e.id, text: e.name })),
});
