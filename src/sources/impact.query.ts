import type { DbOrTx } from "../db.ts";
import type { Changes } from "../audit/audit.service.ts";

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
  // kept by a trigger on the audit log (see the source_citations migration)
  const rows = await db.sourceCitation.findMany({ where: { sourceId }, select: { eventId: true } });
  if (!rows.length) return [];
  const events = await db.auditEvent.findMany({ where: { id: { in: rows.map((r) => r.eventId) } }, orderBy: { id: "asc" } });
  // a Set keeps each claim's first place in the newest-first list: its latest citing change
  const claimIds = [...new Set(events.map((e) => e.subjectId).reverse())];
  const claims = await db.claim.findMany({
    where: { id: { in: claimIds } },
    select: { id: true, statement: true, status: true, confidence: true, needsReview: true, reviewReason: true, version: true },
  });
  const byId = new Map(claims.map((c) => [c.id, { ...c, changes: [] as CitedChange[] }]));
  for (const e of events) {
    const changes = JSON.parse(e.changes) as Changes;
    byId
      .get(e.subjectId)
      ?.changes.push({ eventId: e.id, action: e.action, at: e.createdAt, status: changes.status ?? null, confidence: changes.confidence ?? null });
  }
  return claimIds.flatMap((id) => byId.get(id) ?? []);
}
