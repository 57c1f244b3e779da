import type { DbOrTx } from "../db.ts";
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

/** Sources newest first, matching q in title, publisher or author (SQLite's LIKE: case-insensitive for ASCII). */
export async function listSources(db: DbOrTx, f: SourceListQuery) {
  const and: Prisma.SourceWhereInput[] = [];
  if (f.q) and.push({ OR: [{ title: { contains: f.q } }, { publisher: { contains: f.q } }, { author: { contains: f.q } }] });
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

/**
 * A source with the newest CLAIMS_SHOWN claims that cite it, one entry per piece of evidence, and how many there are,
 * and its impact: the claims whose status or confidence changes cited it.
 */
export async function getSource(db: DbOrTx, id: number) {
  const source = await db.source.findUnique({ where: { id } });
  if (!source) throw new NotFound(msg("Source #{id}", { id: String(id) }));
  // the newest evidence, a LIMIT of its own (a nested take is applied after reading every row): a wire service
  // cited by thousands of claims is paged through in the claims list
  const [evidence, claimCount] = await Promise.all([
    db.evidence.findMany({
      where: { sourceId: id },
      orderBy: { id: "desc" },
      take: CLAIMS_SHOWN,
      select: { stance: true, quote: true, language: true, claim: { select: { id: true, statement: true, status: true } } },
    }),
    db.evidence.count({ where: { sourceId: id } }),
  ]);
  const impact = await claimsCitingForChanges(db, id);
  return {
    ...source,
    claims: evidence.map(({ claim, stance, quote, language }) => ({ ...claim, stance, quote, language })),
    claimCount,
    impact,
  };
}
export type SourceDetail = Awaited<ReturnType<typeof getSource>>;

/** The oldest other source whose normalised address is `key` (one indexed lookup), for the duplicate check. */
export const sourceAt = (db: DbOrTx, key: string, exceptId: number | null) =>
  db.source.findFirst({
    where: { urlKey: key, ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: { id: "asc" },
    select: { id: true, title: true, url: true },
  });
