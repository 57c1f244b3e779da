import type { Db } from "../db.ts";
import { eventOfRow } from "../audit/audit.service.ts";
import { reads } from "../db.ts";
import { withActorNames } from "../audit/audit.names.ts";
import { sourceTitles } from "../audit/audit.query.ts";

const LAST_TWO = `SELECT * FROM "AuditEvent" WHERE "subjectType" = 'claim' AND "subjectId" = ? AND action IN ('claim.resolve', 'claim.reopen') ORDER BY id DESC LIMIT 2`;

/**
 * What a claim's page says about its verdict, from its audit trail: the last
 * resolution (outcome, who, when, the note and the sources it cited) and, on
 * a claim open again, the reopening after it (who, when, why). Null for a
 * claim never resolved.
 */
export async function resolutionStory(db: Db, claimId: number) {
  const rows = await reads(db).all(LAST_TWO, claimId);
  const [last, before] = await withActorNames(db, rows.map(eventOfRow));
  const resolved = last?.action === "claim.resolve" ? last : before?.action === "claim.resolve" ? before : null;
  if (!resolved) return null;
  const titles = await sourceTitles(db, [resolved]);
  return {
    outcome: (resolved.changes.status?.[1] as string | undefined) ?? "",
    resolved,
    reopened: last!.action === "claim.reopen" ? last! : null,
    sources: resolved.sourceIds.map((id) => titles[id] ?? { id, title: `#${id}` }),
  };
}
export type ResolutionStory = Awaited<ReturnType<typeof resolutionStory>>;
