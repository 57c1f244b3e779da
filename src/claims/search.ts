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

/** Whether a folded word of the text is one a search word finds, the way its FTS5 term does. */
export const findsWord = (searchWord: string, textWord: string) => (searchWord.length >= 3 ? textWord.startsWith(searchWord) : textWord === searchWord);

/** A name's folded words: what its FTS5 phrase matches, word for word. */
const wordsOf = (text: string) => fold(text).match(WORD) ?? [];

/** Text as an FTS5 phrase: its words quoted, so none is an operator. Null when it has no words. */
const phrase = (words: string[]) => (words.length ? `"${words.join(" ")}"` : null);

/** A person or organisation one search word names. */
export interface NamedEntity {
  id: number;
  name: string;
  /** every name and alias, as folded words */
  names: string[][];
  /** the word is one of its aliases, not a word of its name */
  byAlias: boolean;
}

export interface SearchGroup {
  /** the folded search word */
  word: string;
  /** an FTS5 expression: this word as a prefix, or any name of an entity it names */
  match: string;
  /** entities this word names by an alias or their name: their claims match too */
  entityIds: number[];
  entities: NamedEntity[];
}

export interface Search {
  groups: SearchGroup[];
  /** every group AND-ed: the claims whose text matches the whole search, which are ranked */
  all: string;
}

/** Entities one word names: a whole word of a name or alias, or (three letters or more) the start of one. */
async function entitiesNamedBy(db: DbOrTx, word: string): Promise<NamedEntity[]> {
  const match = term(word);
  const rows = await db.$queryRaw<{ id: bigint | number }[]>`SELECT rowid AS id FROM EntityNameSearch WHERE EntityNameSearch MATCH ${match} LIMIT 50`;
  const ids = rows.map((r) => Number(r.id));
  if (!ids.length) return [];
  const named = await db.entity.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, aliases: { select: { alias: true } } } });
  return named.map((e) => ({
    id: e.id,
    name: e.name,
    names: [e.name, ...e.aliases.map((a) => a.alias)].map(wordsOf).filter((w) => w.length),
    byAlias: !wordsOf(e.name).some((w) => findsWord(word, w)),
  }));
}

/** The people and organisations whose names or aliases hold every word of `text` (word beginnings count): a picker's find box. */
export async function entitiesFoundBy(db: DbOrTx, text: string, limit: number): Promise<number[]> {
  const terms = searchTerms(text);
  if (!terms.length) return [];
  const rows = await db.$queryRaw<{ id: bigint | number }[]>`SELECT rowid AS id FROM EntityNameSearch WHERE EntityNameSearch MATCH ${terms.map(term).join(" AND ")} LIMIT ${limit}`;
  return rows.map((r) => Number(r.id));
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
    const entities = await entitiesNamedBy(db, word);
    const alternatives = [...new Set([term(word), ...entities.flatMap((e) => e.names.map(phrase)).filter((p): p is string => p !== null)])];
    groups.push({ word, match: alternatives.length > 1 ? `(${alternatives.join(" OR ")})` : alternatives[0]!, entityIds: entities.map((e) => e.id), entities });
  }
  return { groups, all: groups.map((g) => g.match).join(" AND ") };
}
