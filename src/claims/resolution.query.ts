import type { Db } from "../db.ts";
import { eventJson } from "../audit/audit.service.ts";
import { withActorNames } from "../audit/audit.names.ts";
import { sourceTitles } from "../audit/audit.query.ts";

/**
 * What a claim's page says about its verdict, from its audit trail: the last
 * resolution (outcome, who, when, the note and the sources it cited) and, on
 * a claim open again, the reopening after it (who, when, why). Null for a
 * claim never resolved.
 */
export async function resolutionStory(db: Db, claimId: number) {
  const rows = await db.auditEvent.findMany({
    where: { subjectType: "claim", subjectId: claimId, action: { in: ["claim.resolve", "claim.reopen"] } },
    orderBy: { id: "desc" },
    take: 2,
  });
  const [last, before] = await withActorNames(db, rows.map(eventJson));
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
