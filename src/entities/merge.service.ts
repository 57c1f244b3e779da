import { inTransaction, type DbOrTx, type Tx } from "../db.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { Invalid } from "../errors.ts";
import { parse } from "../validation.ts";
import { recordAudit, type Actor, type Changes } from "../audit/audit.service.ts";
import { getEntity, type EntityDetail } from "./entities.query.ts";
import { mergeSchema } from "./entities.schema.ts";
import { aliasRow, bumpEntity, cleanAliases, entityAtVersion, sorted } from "./entities.service.ts";

const byNumber = (a: number, b: number) => a - b;

/** The entity to be absorbed, refused with a message on the form's field when it cannot be. */
async function mergeable(tx: Tx, survivor: EntityDetail, otherId: number) {
  const other = await tx.entity.findUnique({ where: { id: otherId }, include: { aliases: { orderBy: { id: "asc" } } } });
  if (!other) throw new Invalid({ otherId: msg("No entity has the id {id}.", { id: String(otherId) }) });
  if (other.kind !== survivor.kind) {
    const text =
      other.kind === "person"
        ? N_("Only entries of the same kind merge: {other} is a person, {survivor} an organisation. Correct the wrong one's kind first.")
        : N_("Only entries of the same kind merge: {other} is an organisation, {survivor} a person. Correct the wrong one's kind first.");
    throw new Invalid({ otherId: msg(text, { other: other.name, survivor: survivor.name }) });
  }
  return other;
}

/**
 * Moves the other entity's claim links to the survivor, one audit event per
 * claim whose entities changed, and bumps those claims' versions so a claim
 * form opened before the merge cannot put the old link back unnoticed.
 * Returns how many claims the survivor gained.
 */
async function moveClaims(tx: Tx, actor: Actor, survivorId: number, otherId: number, reason: string): Promise<number> {
  const moved = (await tx.claimEntity.findMany({ where: { entityId: otherId }, select: { claimId: true } })).map((l) => l.claimId);
  if (!moved.length) return 0;
  const links = await tx.claimEntity.findMany({ where: { claimId: { in: moved } } });
  const shared = new Set(links.filter((l) => l.entityId === survivorId).map((l) => l.claimId));
  const gained = moved.filter((id) => !shared.has(id));
  await tx.claimEntity.createMany({ data: gained.map((claimId) => ({ claimId, entityId: survivorId })) });
  await tx.claimEntity.deleteMany({ where: { entityId: otherId } });
  await tx.claim.updateMany({ where: { id: { in: moved } }, data: { version: { increment: 1 } } });
  for (const claimId of moved.sort(byNumber)) {
    const before = links
      .filter((l) => l.claimId === claimId)
      .map((l) => l.entityId)
      .sort(byNumber);
    const after = [...new Set(before.map((id) => (id === otherId ? survivorId : id)))].sort(byNumber);
    await recordAudit(tx, actor, { action: "claim.entities", subjectType: "claim", subjectId: claimId, changes: { entityIds: [before, after] }, reason });
  }
  return gained.length;
}

/**
 * Two entries for one person become one, in one transaction: the other's
 * name and aliases become the survivor's aliases, its claims move over, it is
 * deleted, and both keep an event (the removed one's history stays readable
 * and tells where it went).
 */
export async function mergeEntities(db: DbOrTx, actor: Actor, survivorId: number, input: unknown) {
  const { otherId, reason, version } = parse(mergeSchema, input);
  if (otherId === survivorId) throw new Invalid({ otherId: N_("An entity cannot be merged into itself; choose the other entry.") });
  await inTransaction(db, async (tx) => {
    const survivor = await entityAtVersion(tx, survivorId, version);
    const other = await mergeable(tx, survivor, otherId);
    const incoming = [other.name, ...other.aliases.map((a) => a.alias)];
    const added = cleanAliases(survivor.name, [...survivor.aliases, ...incoming]).filter((a) => !survivor.aliases.includes(a));
    const gained = await moveClaims(tx, actor, survivorId, otherId, `Merged entity ${other.name} into ${survivor.name}`);
    await tx.entityAlias.createMany({ data: added.map((alias) => ({ entityId: survivorId, ...aliasRow(alias) })) });
    await bumpEntity(tx, survivorId, survivor.version);
    const changes: Changes = { mergedEntity: [null, { id: other.id, name: other.name }] };
    if (added.length) changes.aliases = [sorted(survivor.aliases), sorted([...survivor.aliases, ...added])];
    if (gained) changes.claims = [survivor.claims.length, survivor.claims.length + gained];
    await recordAudit(tx, actor, { action: "entity.merge", subjectType: "entity", subjectId: survivorId, changes, reason });
    await recordAudit(tx, actor, { action: "entity.merge", subjectType: "entity", subjectId: otherId, changes: { mergedInto: [null, survivorId] }, reason });
    // its aliases go with it (cascade); they were copied above
    await tx.entity.delete({ where: { id: otherId } });
  });
  return getEntity(db, survivorId);
}
