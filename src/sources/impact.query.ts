import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db.ts";
import { decode } from "../engine.ts";
import { reads } from "../db.ts";

const { sql, join } = Prisma;
const CITATIONS = `SELECT * FROM "SourceCitation" WHERE "sourceId" = ? ORDER BY "eventId"`;

type Citation = Prisma.SourceCitationGetPayload<object>;
type CitingClaim = Pick<Prisma.ClaimGetPayload<object>, "id" | "statement" | "status" | "confidence" | "needsReview" | "reviewReason" | "version">;

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
export async function claimsCitingForChanges(db: Db, sourceId: number) {
  // kept by a trigger on the audit log, with each event's moves (the source_citations and audit_derived migrations)
  const r = reads(db);
  const rows = (await r.all(CITATIONS, sourceId)).map((c) => decode<Citation>(c));
  if (!rows.length) return [];
  // a Set keeps each claim's first place in the newest-first list: its latest citing change
  const claimIds = [...new Set(rows.map((r) => r.claimId).reverse())];
  const claims = (
    await r.query(sql`SELECT id, statement, status, confidence, "needsReview", "reviewReason", version FROM "Claim" WHERE id IN (${join(claimIds)})`)
  ).map((c) => decode<CitingClaim>(c));
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
