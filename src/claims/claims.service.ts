import { inTransaction, type DbOrTx, type Tx } from "../db.ts";
import { atVersion, Conflict, Invalid } from "../errors.ts";
import { parse } from "../validation.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { diff, recordAudit, type Actor, type AuditInput, type Changes } from "../audit/audit.service.ts";
import { getClaim } from "./claims.query.ts";
import { createClaimSchema, reopenSchema, resolutionSchema, updateClaimSchema } from "./claims.schema.ts";
import { withTimes } from "./claims.time.ts";
import { timeWarnings } from "./occurred.ts";
import { refusal, type Status } from "./status.ts";
import { EDITED_FIELDS } from "./claim.fields.ts";
import { assertAssignable, claimAssigned } from "../assignment/assignee.ts";

/** Refuses ids that name no row, as a 422 on the field that sent them. */
export async function assertExist(tx: Tx, model: "source" | "entity", ids: number[], field: string): Promise<void> {
  if (!ids.length) return;
  const unique = [...new Set(ids)];
  const found =
    model === "source"
      ? await tx.source.findMany({ where: { id: { in: unique } }, select: { id: true } })
      : await tx.entity.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length)
    throw new Invalid({
      [field]:
        model === "source" ? msg("No source has the id {ids}.", { ids: missing.join(", ") }) : msg("No entity has the id {ids}.", { ids: missing.join(", ") }),
    });
}

/** The claim at the version the editor started from, or a 409 with the current one. */
export async function claimAtVersion(tx: Tx, id: number, version: number | undefined) {
  return atVersion(await getClaim(tx, id), version, N_("claim"));
}

/** Writes the new values with the version bumped; the where on version makes a lost update impossible. */
async function bump(tx: Tx, id: number, version: number, data: Record<string, unknown>) {
  const { count } = await tx.claim.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new Conflict(N_("Someone changed this claim at the same moment. Nothing was saved."));
}

type ClaimRow = Awaited<ReturnType<Tx["claim"]["create"]>>;

/** The claim.create event of a new claim (its fields as created), for the service and the import's bulk path. */
export function claimCreated(claim: ClaimRow, entityIds: number[]): AuditInput {
  const changes: Changes = diff({} as ClaimRow, claim, EDITED_FIELDS);
  if (entityIds.length) changes.entityIds = [[], [...new Set(entityIds)].sort((a, b) => a - b)];
  return { action: "claim.create", subjectType: "claim", subjectId: claim.id, changes };
}

/** The claim.resolve event: what resolving changed on the claim as it was. */
export function claimResolved(current: ClaimRow, next: Partial<ClaimRow>, note: string, sourceIds: number[]): AuditInput {
  const changes = diff(current, next, ["status", "resolutionNote", "resolvedAt", "confidence"]);
  return { action: "claim.resolve", subjectType: "claim", subjectId: current.id, changes, reason: note, sourceIds };
}

/** The claim as saved, with what looks wrong about it without being refused (the API's `warnings`, the page's notice). */
async function saved(db: DbOrTx, id: number) {
  const claim = await getClaim(db, id);
  return { ...claim, warnings: timeWarnings(claim) };
}

export async function createClaim(db: DbOrTx, actor: Actor, input: unknown) {
  const data = withTimes(parse(createClaimSchema, input));
  const id = await inTransaction(db, async (tx) => {
    await assertExist(tx, "entity", data.entityIds, "entityIds");
    const { entityIds, ...fields } = data;
    const claim = await tx.claim.create({
      data: { ...fields, entities: { create: [...new Set(entityIds)].map((entityId) => ({ entityId })) } },
    });
    await recordAudit(tx, actor, claimCreated(claim, entityIds));
    return claim.id;
  });
  return saved(db, id);
}

/** An edit from the form or PATCH. Nothing is written when nothing changed. */
export async function updateClaim(db: DbOrTx, actor: Actor, id: number, input: unknown) {
  const data = withTimes(parse(updateClaimSchema, input));
  await inTransaction(db, async (tx) => {
    const current = await claimAtVersion(tx, id, data.version);
    if (data.status && data.status !== current.status) {
      const why = refusal(current.status as Status, data.status, "reclassify");
      if (why) throw new Invalid({ status: why });
    }
    const { version, reason, sourceIds, entityIds, assigneeId, ...fields } = data;
    const changes = diff(current, fields, EDITED_FIELDS);
    const reassigned = assigneeId !== undefined && assigneeId !== current.assigneeId;
    if (reassigned && assigneeId !== null) await assertAssignable(tx, assigneeId);
    const before = current.entities.map((e) => e.id).sort((a, b) => a - b);
    const after = entityIds && [...new Set(entityIds)].sort((a, b) => a - b);
    if (after && after.join() !== before.join()) {
      await assertExist(tx, "entity", after, "entityIds");
      changes.entityIds = [before, after];
    }
    const edited = Object.keys(changes).length > 0;
    if (!edited && !reassigned) return;
    if ((changes.status || changes.confidence) && !reason) {
      throw new Invalid({ reason: N_("Say why the status or confidence changed; the audit trail keeps it.") });
    }
    await assertExist(tx, "source", sourceIds, "sourceIds");
    const values = Object.fromEntries(
      Object.keys(changes)
        .filter((k) => k !== "entityIds")
        .map((k) => [k, fields[k as keyof typeof fields]]),
    );
    // one version bump for the edit and the assignment together; each keeps its own event
    await bump(tx, id, version, reassigned ? { ...values, assigneeId } : values);
    if (changes.entityIds) {
      await tx.claimEntity.deleteMany({ where: { claimId: id } });
      await tx.claimEntity.createMany({ data: after!.map((entityId) => ({ claimId: id, entityId })) });
    }
    const action = changes.status ? "claim.status" : "claim.update";
    if (edited) await recordAudit(tx, actor, { action, subjectType: "claim", subjectId: id, changes, reason, sourceIds });
    if (reassigned) await recordAudit(tx, actor, claimAssigned(id, current.assigneeId, assigneeId));
  });
  return saved(db, id);
}

/** Resolving a rumor: an open claim becomes confirmed, false or inconclusive, with a note and cited sources, as of now. */
export async function resolveClaim(db: DbOrTx, actor: Actor, id: number, input: unknown) {
  const data = parse(resolutionSchema, input);
  await inTransaction(db, async (tx) => {
    const current = await claimAtVersion(tx, id, data.version);
    const why = refusal(current.status as Status, data.outcome, "resolve");
    if (why) throw new Invalid({ outcome: why });
    await assertExist(tx, "source", data.sourceIds, "sourceIds");
    const next = {
      status: data.outcome,
      resolutionNote: data.note,
      resolvedAt: new Date(),
      ...(data.confidence !== undefined ? { confidence: data.confidence } : {}),
    };
    await bump(tx, id, current.version, next);
    await recordAudit(tx, actor, claimResolved(current, next, data.note, data.sourceIds));
  });
  return getClaim(db, id);
}

/** Reopening a resolved claim: back to an open state, with the reason on record and, if given, a new confidence. */
export async function reopenClaim(db: DbOrTx, actor: Actor, id: number, input: unknown) {
  const data = parse(reopenSchema, input);
  await inTransaction(db, async (tx) => {
    const current = await claimAtVersion(tx, id, data.version);
    const why = refusal(current.status as Status, data.status, "reopen");
    if (why) throw new Invalid({ status: why });
    await assertExist(tx, "source", data.sourceIds, "sourceIds");
    const next = {
      status: data.status,
      resolutionNote: "",
      resolvedAt: null,
      ...(data.confidence !== undefined ? { confidence: data.confidence } : {}),
    };
    await bump(tx, id, current.version, next);
    const changes = diff(current, next, ["status", "resolutionNote", "resolvedAt", "confidence"]);
    await recordAudit(tx, actor, { action: "claim.reopen", subjectType: "claim", subjectId: id, changes, reason: data.reason, sourceIds: data.sourceIds });
  });
  return getClaim(db, id);
}
