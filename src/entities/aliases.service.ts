import { inTransaction, type DbOrTx } from "../db.ts";
import { msg } from "../i18n/i18n.ts";
import { Invalid, NotFound } from "../errors.ts";
import { fold } from "../text.ts";
import { parse } from "../validation.ts";
import { recordAudit, type Actor } from "../audit/audit.service.ts";
import { entityNamed, getEntity } from "./entities.query.ts";
import { addAliasSchema, removeAliasSchema } from "./entities.schema.ts";
import { aliasRow, bumpEntity, entityAtVersion, sorted } from "./entities.service.ts";

/**
 * One more spelling of an entity. Unlike the edit form, which drops a
 * repeated alias silently, this says why it refuses one: a spelling that
 * already names another entity would make a search find both, and the
 * editor is probably looking at two entries for one person.
 */
export async function addAlias(db: DbOrTx, actor: Actor, entityId: number, input: unknown) {
  const { alias, version } = parse(addAliasSchema, input);
  const folded = fold(alias);
  await inTransaction(db, async (tx) => {
    const current = await entityAtVersion(tx, entityId, version);
    if (folded === fold(current.name)) throw new Invalid({ alias: msg("“{alias}” is already the name of {name}.", { alias, name: current.name }) });
    if (current.aliases.some((a) => fold(a) === folded)) throw new Invalid({ alias: msg("Already an alias of {name}.", { name: current.name }) });
    const other = await entityNamed(tx, [alias], entityId);
    if (other) throw new Invalid({ alias: msg("“{alias}” already names {name}; merge the two entities if they are the same.", { alias, name: other.name }) });
    await bumpEntity(tx, entityId, current.version);
    await tx.entityAlias.create({ data: { entityId, ...aliasRow(alias) } });
    await recordAudit(tx, actor, {
      action: "entity.alias.add",
      subjectType: "entity",
      subjectId: entityId,
      changes: { aliases: [sorted(current.aliases), sorted([...current.aliases, alias])] },
    });
  });
  return getEntity(db, entityId);
}

/** Drops one spelling, with the reason on record: a search for it no longer finds the entity. */
export async function removeAlias(db: DbOrTx, actor: Actor, entityId: number, aliasId: number, input: unknown) {
  // a DELETE from the API may come without a body: then the reason is missing, and said so
  const { reason, version } = parse(removeAliasSchema, input ?? {});
  await inTransaction(db, async (tx) => {
    const current = await entityAtVersion(tx, entityId, version);
    const gone = current.aliasEntries.find((a) => a.id === aliasId);
    if (!gone) throw new NotFound(msg("Alias #{id} of {name}", { id: String(aliasId), name: current.name }));
    await bumpEntity(tx, entityId, current.version);
    await tx.entityAlias.delete({ where: { id: aliasId } });
    await recordAudit(tx, actor, {
      action: "entity.alias.remove",
      subjectType: "entity",
      subjectId: entityId,
      changes: { aliases: [sorted(current.aliases), sorted(current.aliases.filter((a) => a !== gone.alias))] },
      reason,
    });
  });
  return getEntity(db, entityId);
}
