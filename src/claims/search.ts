import type { DbOrTx } from "../db.ts";
import { fold } from "../text.ts";

// The user's search, always read as words: never as FTS5 syntax. Quotes,
// *, AND, NEAR(, column filters and SQL are punctuation or plain words
// here, so no query can be a syntax error.

const MAX_TERMS = 12;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a search, folded (case and accents), at most MAX_TERMS.
 * One-letter words ("d" of "d'administration") match nearly everything and
 * are dropped, unless the search has nothing else.
 */
export function searchTerms(q: string): string[] {
  const words = [...new Set(fold(q.slice(0, 1000)).match(WORD) ?? [])];
  const meaningful = words.filter((w) => w.length > 1);
  return (meaningful.length ? meaningful : words).slice(0, MAX_TERMS);
}

/** A word as an FTS5 term: from three letters on, word beginnings match too. */
export const term = (word: string) => (word.length >= 3 ? `"${word}"*` : `"${word}"`);

/** Text as an FTS5 phrase: its words quoted, so none is an operator. Null when it has no words. */
const phrase = (text: string) => {
  const words = fold(text).match(WORD);
  return words ? `"${words.join(" ")}"` : null;
};

export interface SearchGroup {
  /** an FTS5 expression: this word as a prefix, or any name of an entity it names */
  match: string;
  /** entities this word names by an alias or their name: their claims match too */
  entityIds: number[];
}

export interface Search {
  groups: SearchGroup[];
  /** every group AND-ed: the claims whose text matches the whole search, which are ranked */
  all: string;
}

/** Entities one word names: a whole word of a name or alias, or (three letters or more) the start of one. */
async function entitiesNamedBy(db: DbOrTx, word: string) {
  const match = term(word);
  const rows = await db.$queryRaw<{ id: bigint | number }[]>`SELECT rowid AS id FROM EntityNameSearch WHERE EntityNameSearch MATCH ${match} LIMIT 50`;
  const ids = rows.map((r) => Number(r.id));
  if (!ids.length) return { ids, names: [] as string[] };
  const named = await db.entity.findMany({ where: { id: { in: ids } }, select: { name: true, aliases: { select: { alias: true } } } });
  return { ids, names: named.flatMap((e) => [e.name, ...e.aliases.map((a) => a.alias)]) };
}

/**
 * One group per word, all required. A word that names an entity
 * ("Ultraman", "Amodaiyi") also matches text using any of its other names,
 * and the claims linked to that entity.
 */
export async function buildSearch(db: DbOrTx, q: string): Promise<Search | null> {
  const terms = searchTerms(q);
  if (!terms.length) return null;
  const groups: SearchGroup[] = [];
  for (const word of terms) {
    const { ids, names } = await entitiesNamedBy(db, word);
    const alternatives = [...new Set([term(word), ...names.map(phrase).filter((p): p is string => p !== null)])];
    groups.push({ match: alternatives.length > 1 ? `(${alternatives.join(" OR ")})` : alternatives[0]!, entityIds: ids });
  }
  return { groups, all: groups.map((g) => g.match).join(" AND ") };
}
