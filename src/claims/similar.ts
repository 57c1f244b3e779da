import { searchSql, type DbOrTx } from "../db.ts";
import { searchTerms } from "./search.ts";

/** How many claims the new-claim form lists: enough to spot a repeat, few enough to read before saving. */
const LIMIT = 5;

// Words that say nothing about what a claim is about, in the desk's two
// languages, folded as searchTerms folds them: OR-ed in, they would make
// every claim with "the" or "selon" look like the new one.
const STOPWORDS = new Set(
  (
    "the and of to in on at by for from with as is are was were be been has have had it its that this these those an or not no but " +
    "he she they his her their who which will would said says after before into about than then over also " +
    "le la les un une des du de et ou en au aux dans sur par pour avec est sont etait ete il elle ils elles son sa ses leur leurs " +
    "qui que qu ce cette ces pas ne se plus selon apres avant"
  ).split(" "),
);

/**
 * The claims whose statements share the most telling words with
 * `statement`, most alike first: its words OR-ed (prefixes from three
 * letters, as in search) against the statements, ranked by the engine (bm25 on SQLite),
 * which weighs rare words over common ones. Shown on the new-claim form
 * before it is saved, so an editor sees the claim may already be in the ledger.
 */
export async function similarClaims(db: DbOrTx, statement: string) {
  const words = searchTerms(statement).filter((w) => !STOPWORDS.has(w));
  if (!words.length) return [];
  const rows = await db.$queryRaw<{ id: bigint | number }[]>(searchSql(db).similar(words, LIMIT));
  const ids = rows.map((r) => Number(r.id));
  const claims = await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, statement: true, status: true } });
  return ids.flatMap((id) => claims.filter((c) => c.id === id));
}
export type SimilarClaim = Awaited<ReturnType<typeof similarClaims>>[number];
