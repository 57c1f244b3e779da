import { inTransaction, type DbOrTx, type Tx } from "../db.ts";
import { msg, N_ } from "../i18n/i18n.ts";
import { atVersion, Conflict, Duplicate } from "../errors.ts";
import { fold, nameKey } from "../text.ts";
import { confirmDuplicateSchema, parse } from "../validation.ts";
import { diff, recordAudit, type Actor, type AuditInput, type Changes } from "../audit/audit.service.ts";
import { entityNamed, getEntity } from "./entities.query.ts";
import { createEntitySchema, updateEntitySchema } from "./entities.schema.ts";

const EDITABLE = ["name", "kind", "description"] as const;

/**
 * The aliases worth keeping, in the order given: an alias that folds to the
 * name or to an earlier alias adds nothing to a search and would break the
 * (entity, folded) uniqueness, so it is dropped without a word.
 */
export function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([fold(name)]);
  return aliases.filter((alias) => {
    const folded = fold(alias);
    if (!folded || seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

export const sorted = (aliases: string[]) => [...aliases].sort();
export const aliasRow = (alias: string) => ({ alias, folded: fold(alias) });

/** The entity at the version the editor started from (any, when none was sent), or a 409 with the current one. */
export async function entityAtVersion(tx: Tx, id: number, version: number | undefined) {
  return atVersion(await getEntity(tx, id), version, N_("entity"));
}

/** Writes the new values with the version bumped; the where on version makes a lost update impossible. */
export async function bumpEntity(tx: Tx, id: number, version: number, data: Record<string, unknown> = {}) {
  const { count } = await tx.entity.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new Conflict(N_("Someone changed this entity at the same moment. Nothing was saved."));
}

type EntityRow = Awaited<ReturnType<Tx["entity"]["create"]>>;

/** The entity.create event with the aliases kept, for the service and the import's bulk path. */
export function entityCreated(entity: EntityRow, kept: string[]): AuditInput {
  const changes: Changes = diff({} as EntityRow, entity, EDITABLE);
  if (kept.length) changes.aliases = [[], sorted(kept)];
  return { action: "entity.create", subjectType: "entity", subjectId: entity.id, changes };
}

/**
 * Another entity that already has one of these names or aliases: a 409
 * naming it, unless the editor confirmed; then the reason the audit event
 * keeps ("" when none).
 */
async function duplicateCheck(tx: Tx, names: string[], exceptId: number | null, confirmed: boolean): Promise<string> {
  const other = await entityNamed(tx, names, exceptId);
  if (!other) return "";
  if (confirmed) return `Saved although ${other.name} (entity #${other.id}) has the name or alias “${other.matched}”.`;
  throw new Duplicate(
    msg("{name} (entity #{id}) already has the name or alias “{matched}”. Nothing was saved; send confirmDuplicate: true to save it anyway.", {
      name: other.name,
      id: String(other.id),
      matched: other.matched,
    }),
    { id: other.id, name: other.name, url: `/entities/${other.id}`, matched: other.matched },
  );
}

/** A new person or organisation; one whose name or an alias another entity already has is a 409 duplicate, unless confirmed. */
export async function createEntity(db: DbOrTx, actor: Actor, input: unknown) {
  const { aliases, ...fields } = parse(createEntitySchema, input);
  const { confirmDuplicate } = parse(confirmDuplicateSchema, input);
  const kept = cleanAliases(fields.name, aliases);
  const id = await inTransaction(db, async (tx) => {
    const reason = await duplicateCheck(tx, [fields.name, ...kept], null, confirmDuplicate);
    const entity = await tx.entity.create({ data: { ...fields, aliases: { create: kept.map(aliasRow) } } });
    await recordAudit(tx, actor, { ...entityCreated(entity, kept), reason });
    return entity.id;
  });
  return getEntity(db, id);
}

/**
 * An edit from the form or PATCH; sent aliases replace the set. Nothing is
 * written when nothing changed. A new name or alias that another entity
 * already has is a 409, unless confirmed; the spellings it had are not checked again.
 */
export async function updateEntity(db: DbOrTx, actor: Actor, id: number, input: unknown) {
  const { version, aliases, ...fields } = parse(updateEntitySchema, input);
  const { confirmDuplicate } = parse(confirmDuplicateSchema, input);
  await inTransaction(db, async (tx) => {
    const current = await entityAtVersion(tx, id, version);
    const changes = diff(current, fields, EDITABLE);
    // re-cleaned even when not sent: a new name may now equal one of the aliases
    const before = sorted(current.aliases);
    const kept = cleanAliases(fields.name ?? current.name, aliases ?? current.aliases);
    const after = sorted(kept);
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.aliases = [before, after];
    if (!Object.keys(changes).length) return;
    const had = new Set([current.name, ...current.aliases].map(nameKey));
    const added = [fields.name ?? current.name, ...kept].filter((n) => !had.has(nameKey(n)));
    const reason = added.length ? await duplicateCheck(tx, added, id, confirmDuplicate) : "";
    const values = Object.fromEntries(EDITABLE.filter((k) => changes[k]).map((k) => [k, fields[k]]));
    await bumpEntity(tx, id, version, values);
    if (changes.aliases) {
      await tx.entityAlias.deleteMany({ where: { entityId: id } });
      await tx.entityAlias.createMany({ data: kept.map((alias) => ({ entityId: id, ...aliasRow(alias) })) });
    }
    await recordAudit(tx, actor, { action: "entity.update", subjectType: "entity", subjectId: id, changes, reason });
  });
  return getEntity(db, id);
}
