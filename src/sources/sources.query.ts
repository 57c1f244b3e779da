import type { Db, DbOrTx } from "../db.ts";
import { decode } from "../engine.ts";
import { containing, reads } from "../db.ts";
import { NotFound } from "../errors.ts";
import { msg } from "../i18n/i18n.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { CLAIMS_SHOWN, decodeCursor, page } from "../pagination.ts";
import { claimsCitingForChanges } from "./impact.query.ts";
import type { SourceListQuery } from "./sources.schema.ts";

/** How many distinct claims cite each source (a claim may cite one source twice). */
async function claimCounts(db: DbOrTx, sourceIds: number[]): Promise<Map<number, number>> {
  const pairs = await db.evidence.groupBy({ by: ["sourceId", "claimId"], where: { sourceId: { in: sourceIds } } });
  const counts = new Map<number, number>();
  for (const p of pairs) counts.set(p.sourceId, (counts.get(p.sourceId) ?? 0) + 1);
  return counts;
}

/** Sources newest first, matching q in title, publisher or author, ignoring case. */
export async function listSources(db: DbOrTx, f: SourceListQuery) {
  const and: Prisma.SourceWhereInput[] = [];
  if (f.q) and.push({ OR: [{ title: containing(db, f.q) }, { publisher: containing(db, f.q) }, { author: containing(db, f.q) }] });
  if (f.kind) and.push({ kind: f.kind });
  if (f.cursor) and.push({ id: { lt: decodeCursor(f.cursor) } });
  const rows = await db.source.findMany({ where: { AND: and }, orderBy: { id: "desc" }, take: f.limit + 1 });
  const { items, nextCursor } = page(rows, f.limit);
  const counts = await claimCounts(
    db,
    items.map((s) => s.id),
  );
  return { items: items.map((s) => ({ ...s, claimCount: counts.get(s.id) ?? 0 })), nextCursor };
}
export type SourceSummary = Awaited<ReturnType<typeof listSources>>["items"][number];

type SourceRow = Prisma.SourceGetPayload<object>;
interface CitingClaim {
  id: number;
  statement: string;
  status: string;
  stance: string;
  quote: string;
  language: string | null;
}

const SOURCE = `SELECT * FROM "Source" WHERE id = ?`;
const CITING = `SELECT c.id, c.statement, c.status, e.stance, e.quote, e.language FROM "Evidence" e JOIN "Claim" c ON c.id = e."claimId"
  WHERE e."sourceId" = ? ORDER BY e.id DESC LIMIT ?`;
const CITING_COUNT = `SELECT count(*) AS n FROM "Evidence" WHERE "sourceId" = ?`;

/**
 * A source with the newest CLAIMS_SHOWN claims that cite it, one entry per piece of evidence, and how many there are,
 * and its impact: the claims whose status or confidence changes cited it.
 */
export async function getSource(db: Db, id: number) {
  const read = await reads(db).snapshot(async (r) => {
    const source = await r.get(SOURCE, id);
    if (!source) return null;
    // a wire service cited by thousands of claims shows its newest; the claims list pages through the rest
    const [claims, count] = await Promise.all([r.all<CitingClaim>(CITING, id, CLAIMS_SHOWN), r.get<{ n: number }>(CITING_COUNT, id)]);
    return { source, claims, claimCount: Number(count!.n) };
  });
  if (!read) throw new NotFound(msg("Source #{id}", { id: String(id) }));
  return { ...decode<SourceRow>(read.source), claims: read.claims, claimCount: read.claimCount, impact: await claimsCitingForChanges(db, id) };
}
export type SourceDetail = Awaited<ReturnType<typeof getSource>>;

/** The oldest other source whose normalised address is `key` (one indexed lookup), for the duplicate check. */
export const sourceAt = (db: DbOrTx, key: string, exceptId: number | null) =>
  db.source.findFirst({
    where: { urlKey: key, ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: { id: "asc" },
    select: { id: true, title: true, url: true },
  });
