// How the log reads the claims' actions and values (see audit/audit.registry.ts).
import { registerAuditActions, registerRecordKind, registerValueFormat } from "../audit/audit.registry.ts";
import { isolate } from "../text.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { STATUS_LABELS, type Status } from "./status.ts";

/** How a history names an evidence's stance (lower case, inside a sentence). */
const STANCE_WORDS: Record<string, string> = { supports: N_("supports"), refutes: N_("refutes"), mentions: N_("mentions") };

registerAuditActions(N_("Claims"), {
  "claim.create": N_("Claim created"),
  "claim.update": N_("Claim edited"),
  "claim.status": N_("Status changed"),
  "claim.resolve": N_("Claim resolved"),
  "claim.reopen": N_("Claim reopened"),
  "claim.flag": N_("Flagged for review"),
  "claim.review": N_("Review done"),
  "claim.entities": N_("People and organisations changed"),
  "evidence.add": N_("Evidence added"),
  "evidence.remove": N_("Evidence removed"),
});

registerValueFormat("needsReview", { read: (v) => (typeof v === "boolean" ? (v ? msg("Yes") : msg("No")) : v) });

registerValueFormat("status", { read: (v) => (typeof v === "string" && v in STATUS_LABELS ? msg(STATUS_LABELS[v as Status]) : v) });

// reopening always clears it, and resolving shows it as the event's Why
registerValueFormat("resolutionNote", { read: (v) => v, shownElsewhereIn: ["claim.resolve", "claim.reopen"] });

registerValueFormat("entityIds", {
  read: (v, { entities }) => (Array.isArray(v) ? v.map((id: number) => entities[id] ?? `#${id}`) : v),
  entityIds: (v) => (Array.isArray(v) ? (v as number[]) : []),
});

// evidence as its stance, its source and its quote; the quote and the title as typed
registerValueFormat("evidence", {
  read(v, { sources }) {
    if (!v || typeof v !== "object") return v;
    const ev = v as { sourceId: number; stance: string; quote: string };
    const source = sources[ev.sourceId] ? isolate(sources[ev.sourceId]!.title) : msg("source #{id}", { id: String(ev.sourceId) });
    const stance = ev.stance in STANCE_WORDS ? msg(STANCE_WORDS[ev.stance]!) : ev.stance;
    return ev.quote ? msg("{stance}: {source} — “{quote}”", { stance, source, quote: isolate(ev.quote) }) : msg("{stance}: {source}", { stance, source });
  },
});

registerRecordKind("claim", {
  label: N_("Claim #{id}"),
  names: async (db, ids) =>
    (await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, statement: true } })).map((c) => ({ id: c.id, text: c.statement })),
});
