import { inTransaction, type Db, type DbOrTx, type Tx } from "../db.ts";
import { atVersion, Conflict, Duplicate, NotFound } from "../errors.ts";
import { confirmDuplicateSchema, parse } from "../validation.ts";
import { diff, recordAudit, type Actor, type AuditInput } from "../audit/audit.service.ts";
import { flagClaimsCiting } from "./impact.service.ts";
import { sourceAt } from "./sources.query.ts";
import { createSourceSchema, updateSourceSchema } from "./sources.schema.ts";
import { urlKey } from "./url.ts";
import { msg, N_ } from "../i18n/i18n.ts";

const EDITABLE = ["title", "publisher", "author", "url", "publishedAt", "kind", "reliability", "notes"] as const;

type SourceRow = Awaited<ReturnType<Tx["source"]["create"]>>;

/** The source.create event, for the service and the import's bulk path. */
export function sourceCreated(source: SourceRow): AuditInput {
  // blank fields are left out: "— → —" lines would only hide what the editor entered
  const changes = diff(
    {} as SourceRow,
    source,
    EDITABLE.filter((f) => source[f] !== "" && source[f] !== null),
  );
  return { action: "source.create", subjectType: "source", subjectId: source.id, changes };
}

/** A source as written: its fields and the key the duplicate check compares (the import's bulk path writes these too). */
export const sourceRow = <T extends { url: string | null }>(fields: T) => ({ ...fields, urlKey: urlKey(fields.url) });

/**
 * Another source with this address (normalised): a 409 naming it, unless
 * the editor confirmed; then the reason the audit event keeps ("" when none).
 */
async function duplicateCheck(tx: Tx, url: string | null, exceptId: number | null, confirmed: boolean): Promise<string> {
  const key = urlKey(url);
  const other = key && (await sourceAt(tx, key, exceptId));
  if (!other) return "";
  // the reason is kept in the audit log, in the ledger's language (English)
  if (confirmed) return `Saved although source #${other.id} has the same address.`;
  throw new Duplicate(
    msg("Source #{id}, “{title}”, already has this address ({url}). Nothing was saved; send confirmDuplicate: true to save it anyway.", {
      id: String(other.id),
      title: other.title,
      url: other.url ?? "",
    }),
    { id: other.id, title: other.title, url: `/sources/${other.id}`, matched: other.url ?? "" },
  );
}

/** A new source; one with the address of another (normalised) is a 409 duplicate, unless confirmed. */
export async function createSource(db: DbOrTx, actor: Actor, input: unknown) {
  const data = parse(createSourceSchema, input);
  const { confirmDuplicate } = parse(confirmDuplicateSchema, input);
  return inTransaction(db, async (tx) => {
    const reason = await duplicateCheck(tx, data.url, null, confirmDuplicate);
    const source = await tx.source.create({ data: sourceRow(data) });
    await recordAudit(tx, actor, { ...sourceCreated(source), reason });
    return source;
  });
}

/** The source at the version the editor started from, or a 409 with the current one. */
async function sourceAtVersion(tx: Tx, id: number, version: number) {
  const current = await tx.source.findUnique({ where: { id } });
  if (!current) throw new NotFound(msg("Source #{id}", { id: String(id) }));
  return atVersion(current, version, N_("source"));
}

/**
 * An edit from the form or PATCH. Nothing is written when nothing changed;
 * a new address another source has is a 409 duplicate, unless confirmed.
 * Marking the source unreliable flags, in the same transaction, the claims
 * whose status or confidence rested on it; flaggedClaims counts them.
 */
export async function updateSource(db: DbOrTx, actor: Actor, id: number, input: unknown) {
  const { version, ...fields } = parse(updateSourceSchema, input);
  const { confirmDuplicate } = parse(confirmDuplicateSchema, input);
  return inTransaction(db, async (tx) => {
    const current = await sourceAtVersion(tx, id, version);
    const changes = diff(current, fields, EDITABLE);
    if (!Object.keys(changes).length) return { ...current, flaggedClaims: 0 };
    const reason = changes.url ? await duplicateCheck(tx, fields.url ?? null, id, confirmDuplicate) : "";
    const values = Object.fromEntries(Object.keys(changes).map((k) => [k, fields[k as keyof typeof fields]]));
    if (changes.url) values.urlKey = urlKey(fields.url ?? null);
    // the where on version makes a lost update impossible even between the read and this write
    const { count } = await tx.source.updateMany({ where: { id, version }, data: { ...values, version: { increment: 1 } } });
    if (count !== 1) {
      throw new Conflict(N_("Someone changed this source at the same moment. Nothing was saved."), await tx.source.findUnique({ where: { id } }));
    }
    await recordAudit(tx, actor, { action: "source.update", subjectType: "source", subjectId: id, changes, reason });
    const source = await tx.source.findUniqueOrThrow({ where: { id } });
    const flaggedClaims = changes.reliability && source.reliability === "unreliable" ? await flagClaimsCiting(tx, actor, source) : 0;
    return { ...source, flaggedClaims };
  });
}

/**
 * Fills the urlKey of sources written without one (before the column
 * existed, or by raw SQL such as npm run seed:synthetic), at start. The key
 * is derived from the URL, not a change an editor made: no audit event, no
 * new version or updatedAt.
 */
export async function backfillUrlKeys(db: Db): Promise<number> {
  let filled = 0;
  for (let after = 0; ;) {
    const rows = await db.source.findMany({
      where: { id: { gt: after }, urlKey: null, url: { not: null } },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, url: true },
    });
    if (!rows.length) return filled;
    // an address no URL parser reads (raw SQL can store one) keeps no key, and is looked at again next start
    const keyed = rows.map((r) => ({ id: r.id, key: urlKey(r.url) })).filter((r) => r.key !== null);
    await db.$transaction(keyed.map((r) => db.$executeRaw`UPDATE "Source" SET "urlKey" = ${r.key} WHERE id = ${r.id}`));
    filled += keyed.length;
    after = rows[rows.length - 1]!.id;
  }
}
