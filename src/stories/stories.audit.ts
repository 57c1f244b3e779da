// How the log reads the stories' actions and values (see audit/audit.registry.ts).
import { registerAuditActions, registerRecordKind, registerValueFormat, registerValueWords } from "../audit/audit.registry.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { STORY_STATUS_LABELS } from "./stories.schema.ts";

registerAuditActions(N_("Stories"), {
  "story.create": N_("Story created"),
  "story.update": N_("Story edited"),
  "story.addClaim": N_("Claim added to the story"),
  "story.removeClaim": N_("Claim removed from the story"),
});

// a story's membership events name the claim by its number, as the claim's own pages do
registerValueFormat("claimId", { read: (v) => (typeof v === "number" ? msg("Claim #{id}", { id: String(v) }) : v) });

// archiving is a story.update of its status; the claims' statuses keep their own words
registerValueWords("status", STORY_STATUS_LABELS);

registerRecordKind("story", {
  label: N_("Story #{id}"),
  names: async (db, ids) =>
    (await db.story.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((s) => ({ id: s.id, text: s.title })),
});
