import type { DbOrTx } from "../db.ts";

interface CitedChange {
  eventId: number;
  action: string;
  at: Date;
  status: [unknown, unknown] | null;
  confidence: [unknown, unknown] | null;
}

/**
 * The claims whose status or confidence changed on the strength of this
 * source: audit events that moved either and cited it. A source linked only
 * as evidence is not among them. Newest change first; each claim once, with
 * its citing changes oldest first.
 */
export async function claimsCitingForChanges(db: DbOrTx, sourceId: number) {
  // kept by a trigger on the audit log, with each event's moves (the source_citations and audit_derived migrations)
  const rows = await db.sourceCitation.findMany({ where: { sourceId }, orderBy: { eventId: "asc" } });
  if (!rows.length) return [];
  // a Set keeps each claim's first place in the newest-first list: its latest citing change
  const claimIds = [...new Set(rows.map((r) => r.claimId).reverse())];
  const claims = await db.claim.findMany({
    where: { id: { in: claimIds } },
    select: { id: true, statement: true, status: true, confidence: true, needsReview: true, reviewReason: true, version: true },
  });
  const byId = new Map(claims.map((c) => [c.id, { ...c, changes: [] as CitedChange[] }]));
  for (const r of rows) {
    byId.get(r.claimId)?.changes.push({
      eventId: r.eventId,
      action: r.action,
      at: r.changedAt,
      status: r.statusTo === null ? null : [r.statusFrom, r.statusTo],
      confidence: r.confidenceTo === null ? null : [r.confidenceFrom, r.confidenceTo],
    });
  }
  return claimIds.flatMap((id) => byId.get(id) ?? []);
}
