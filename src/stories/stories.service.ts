import { inTransaction, type DbOrTx, type Tx } from "../db.ts";
import { atVersion, Conflict, Invalid, NotFound } from "../errors.ts";
import { parse } from "../validation.ts";
import { diff, recordAudit, type Actor } from "../audit/audit.service.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { createStorySchema, storyClaimSchema, updateStorySchema } from "./stories.schema.ts";

const EDITABLE = ["title", "description", "status"] as const;

const notFound = (id: number) => new NotFound(msg("Story #{id}", { id: String(id) }));

async function storyIn(tx: Tx, id: number) {
  const story = await tx.story.findUnique({ where: { id } });
  if (!story) throw notFound(id);
  return story;
}

/** A new story, active. */
export async function createStory(db: DbOrTx, actor: Actor, input: unknown) {
  const data = parse(createStorySchema, input);
  return inTransaction(db, async (tx) => {
    const story = await tx.story.create({ data });
    const changes = diff(
      {} as typeof story,
      story,
      EDITABLE.filter((f) => story[f] !== ""),
    );
    await recordAudit(tx, actor, { action: "story.create", subjectType: "story", subjectId: story.id, changes });
    return story;
  });
}

/**
 * An edit of the title or description, or archiving (status active →
 * archived) and restoring: one audited story.update. A stale version is a
 * 409 carrying the story as it is; nothing is written when nothing changed.
 */
export async function updateStory(db: DbOrTx, actor: Actor, id: number, input: unknown) {
  const { version, ...fields } = parse(updateStorySchema, input);
  return inTransaction(db, async (tx) => {
    const current = atVersion(await storyIn(tx, id), version, N_("story"));
    const changes = diff(current, fields, EDITABLE);
    if (!Object.keys(changes).length) return current;
    const values = Object.fromEntries(Object.keys(changes).map((k) => [k, fields[k as keyof typeof fields]]));
    // the where on version makes a lost update impossible even between the read and this write
    const { count } = await tx.story.updateMany({ where: { id, version }, data: { ...values, version: { increment: 1 } } });
    if (count !== 1) throw new Conflict(N_("Someone changed this story at the same moment. Nothing was saved."), await tx.story.findUnique({ where: { id } }));
    await recordAudit(tx, actor, { action: "story.update", subjectType: "story", subjectId: id, changes });
    return tx.story.findUniqueOrThrow({ where: { id } });
  });
}

const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";

/**
 * Puts a claim in a story (story.addClaim, on the story). A claim already in
 * it is a 409; an archived story, or a claim that does not exist, a 422.
 * Membership is not an edit of the story: its version stays, so an editor
 * retitling it meanwhile is not told of a conflict.
 */
export async function addClaimToStory(db: DbOrTx, actor: Actor, storyId: number, input: unknown) {
  const { claimId } = parse(storyClaimSchema, input);
  return inTransaction(db, async (tx) => {
    const story = await storyIn(tx, storyId);
    if (story.status !== "active") throw new Invalid({ claimId: N_("This story is archived: restore it before adding claims.") });
    if (!(await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } })))
      throw new Invalid({ claimId: msg("There is no claim #{id}.", { id: String(claimId) }) });
    if (await tx.storyClaim.findUnique({ where: { storyId_claimId: { storyId, claimId } } })) throw alreadyIn(claimId);
    const link = await tx.storyClaim.create({ data: { storyId, claimId } });
    await recordAudit(tx, actor, { action: "story.addClaim", subjectType: "story", subjectId: storyId, changes: { claimId: [null, claimId] } });
    return link;
  }).catch((err: unknown) => {
    // two editors adding it at the same moment: the second insert meets the first's row
    throw isUniqueViolation(err) ? alreadyIn(claimId) : err;
  });
}

const alreadyIn = (claimId: number) => new Conflict(msg("Claim #{id} is already in this story.", { id: String(claimId) }), undefined, "already_in_story");

/** Takes a claim out of a story (story.removeClaim); one not in it is a 404. Archived stories may still shed claims. */
export async function removeClaimFromStory(db: DbOrTx, actor: Actor, storyId: number, claimId: number) {
  return inTransaction(db, async (tx) => {
    await storyIn(tx, storyId);
    const { count } = await tx.storyClaim.deleteMany({ where: { storyId, claimId } });
    if (count !== 1) throw new NotFound(msg("Claim #{id} in this story", { id: String(claimId) }));
    await recordAudit(tx, actor, { action: "story.removeClaim", subjectType: "story", subjectId: storyId, changes: { claimId: [claimId, null] } });
    return { storyId, claimId };
  });
}
