import { inTransaction, type DbOrTx, type Tx } from "../db.ts";
import { atVersion, Conflict, NotFound } from "../errors.ts";
import { parse } from "../validation.ts";
import { diff, recordAudit, type Actor, type AuditInput } from "../audit/audit.service.ts";
import { flagClaimsCiting } from "./impact.service.ts";
import { createSourceSchema, updateSourceSchema } from "./sources.schema.ts";

const EDITABLE = ["title", "publisher", "author", "url", "publishedAt", "kind", "reliability", "notes"] as const;

type SourceRow = Awaited<ReturnType<Tx["source"]["create"]>>;

/** The source.create event, for the service and the import's bulk path. */
export function sourceCreated(source: SourceRow): AuditInput {
  // blank fields are left out: "— → —" lines would only hide what the editor entered
  const changes = diff({} as SourceRow, source, EDITABLE.filter((f) => source[f] !== "" && source[f] !== null));
  return { action: "source.create", subjectType: "source", subjectId: source.id, changes };
}

export async function createSource(db: DbOrTx, actor: Actor, input: unknown) {
  const data = parse(createSourceSchema, input);
  return inTransaction(db, async (tx) => {
    const source = await tx.source.create({ data });
    await recordAudit(tx, actor, sourceCreated(source));
    return source;
  });
}

/** The source at the version the editor started from, or a 409 with the current one. */
async function sourceAtVersion(tx: Tx, id: number, version: number) {
  const current = await tx.source.findUnique({ where: { id } });
  if (!current) throw new NotFound(`Source #${id}`);
  return atVersion(current, version, "source");
}

/**
 * An edit from the form or PATCH. Nothing is written when nothing changed.
 * Marking the source unreliable flags, in the same transaction, the claims
 * whose status or confidence rested on it; flaggedClaims counts them.
 */
export async function updateSource(db: DbOrTx, actor: Actor, id: number, input: unknown) {
  const { version, ...fields } = parse(updateSourceSchema, input);
  return inTransaction(db, async (tx) => {
    const current = await sourceAtVersion(tx, id, version);
    const changes = diff(current, fields, EDITABLE);
    if (!Object.keys(changes).length) return { ...current, flaggedClaims: 0 };
    const values = Object.fromEntries(Object.keys(changes).map((k) => [k, fields[k as keyof typeof fields]]));
    // the where on version makes a lost update impossible even between the read and this write
    const { count } = await tx.source.updateMany({ where: { id, version }, data: { ...values, version: { increment: 1 } } });
    if (count !== 1) {
      throw new Conflict("Someone changed this source at the same moment. Nothing was saved.", await tx.source.findUnique({ where: { id } }));
    }
    await recordAudit(tx, actor, { action: "source.update", subjectType: "source", subjectId: id, changes });
    const source = await tx.source.findUniqueOrThrow({ where: { id } });
    const flaggedClaims = changes.reliability && source.reliability === "unreliable" ? await flagClaimsCiting(tx, actor, source) : 0;
    return { ...source, flaggedClaims };
  });
}
