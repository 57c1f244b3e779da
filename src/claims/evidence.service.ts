import { inTransaction, type DbOrTx } from "../db.ts";
import { NotFound } from "../errors.ts";
import { parse } from "../validation.ts";
import { msg } from "../i18n/i18n.ts";
import { recordAudit, type Actor, type AuditInput } from "../audit/audit.service.ts";
import { getClaim } from "./claims.query.ts";
import { assertExist } from "./claims.service.ts";
import { evidenceSchema, removeEvidenceSchema } from "./claims.schema.ts";

type EvidenceRow = { id: number; sourceId: number; stance: string; quote: string; language: string | null };

/** Evidence as its audit events keep it; the quote's language only when given, as events before languages were. */
const recorded = ({ id, sourceId, stance, quote, language }: EvidenceRow) => ({ id, sourceId, stance, quote, ...(language ? { language } : {}) });

/** The evidence.add event, for the service and the import's bulk path. */
export const evidenceAdded = (claimId: number, e: EvidenceRow): AuditInput => ({
  action: "evidence.add",
  subjectType: "claim",
  subjectId: claimId,
  changes: { evidence: [null, recorded(e)] },
  sourceIds: [e.sourceId],
});

/** Links a source to a claim with a stance, the quoted passage and its language. */
export async function addEvidence(db: DbOrTx, actor: Actor, claimId: number, input: unknown) {
  const data = parse(evidenceSchema, input);
  return inTransaction(db, async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } });
    if (!claim) throw new NotFound(msg("Claim #{id}", { id: String(claimId) }));
    await assertExist(tx, "source", [data.sourceId], "sourceId");
    const evidence = await tx.evidence.create({ data: { claimId, ...data }, include: { source: true } });
    await tx.claim.update({ where: { id: claimId }, data: { version: { increment: 1 } } });
    await recordAudit(tx, actor, evidenceAdded(claimId, evidence));
    return evidence;
  });
}

/** Unlinks a source from a claim, with the reason on record; answers the claim as it is after. */
export async function removeEvidence(db: DbOrTx, actor: Actor, claimId: number, evidenceId: number, input: unknown) {
  // a DELETE from the API may come without a body: then the reason is missing, and said so
  const { reason } = parse(removeEvidenceSchema, input ?? {});
  await inTransaction(db, async (tx) => {
    const evidence = await tx.evidence.findFirst({ where: { id: evidenceId, claimId } });
    if (!evidence) throw new NotFound(msg("Evidence #{evidence} of claim #{claim}", { evidence: String(evidenceId), claim: String(claimId) }));
    await tx.evidence.delete({ where: { id: evidenceId } });
    await tx.claim.update({ where: { id: claimId }, data: { version: { increment: 1 } } });
    await recordAudit(tx, actor, {
      action: "evidence.remove",
      subjectType: "claim",
      subjectId: claimId,
      changes: { evidence: [recorded(evidence), null] },
      reason,
      sourceIds: [evidence.sourceId],
    });
  });
  return getClaim(db, claimId);
}
