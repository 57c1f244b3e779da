import { Prisma } from "../generated/prisma/client.ts";
import { readQuery, searchSql, type DbOrTx } from "../db.ts";
import { fold } from "../text.ts";
import { and, exact, or, word, type Expr } from "./search.expr.ts";

// The user's search, always read as words: never as the engine's query
// syntax. Quotes, *, AND, NEAR(, column filters and SQL are punctuation or
// plain words here, so no query can be a syntax error.

const { sql } = Prisma;

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

/** Whether a folded word of the text is one a search word finds, the way its search term does. */
export const findsWord = (searchWord: string, textWord: string) => (searchWord.length >= 3 ? textWord.startsWith(searchWord) : textWord === searchWord);

/** A name's folded words: what its phrase matches, word for word. */
const wordsOf = (text: string) => fold(text).match(WORD) ?? [];

/** A person or organisation a search names, by its whole name or one of its aliases. */
export interface NamedEntity {
  id: number;
  name: string;
  /** every name and alias, as folded words */
  names: string[][];
  /** the search named one of its aliases, not its name */
  byAlias: boolean;
}

export interface SearchGroup {
  /** the folded search words it stands for: one word, or the words of a whole name or alias */
  words: string[];
  /** the words as prefixes, or any name of the entities they name */
  match: Expr;
  /** the entities these words name whole: their claims match too */
  entityIds: number[];
  entities: NamedEntity[];
}

export interface Search {
  groups: SearchGroup[];
  /** every group AND-ed: the claims whose text matches the whole search, which are ranked */
  all: Expr;
}

// Only a whole name or alias expands ("Ultraman", "Mitt Hill"), never a word
// that merely begins or belongs to one: "société" is part of hundreds of
// organisations' names, and OR-ing all of them in made one search cost a second.
/** The most entities one name expands to (homonyms), and the longest name looked up, in words. */
const MAX_ENTITIES = 5;
const MAX_NAME_WORDS = 4;
/** Entities read to find those names: a word in many names costs at most this many rows. */
const CANDIDATES = 100;

/** A name's words as a search's words compare: one-letter words dropped, as searchTerms drops them ("M. Hill" is "hill"). */
function nameKey(words: string[]): string {
  const meaningful = words.filter((w) => w.length > 1);
  return (meaningful.length ? meaningful : words).join(" ");
}

/** Every run of up to MAX_NAME_WORDS consecutive words, as [start, length]. */
function runs(terms: string[]): [number, number][] {
  return terms.flatMap((_, i) => Array.from({ length: Math.min(MAX_NAME_WORDS, terms.length - i) }, (_, k): [number, number] => [i, k + 1]));
}

interface Candidate {
  id: bigint | number;
  name: string;
  folded: string | null;
}

/** The entities each run of the search's words names whole, keyed by those words; one full-text query. */
async function wholeNames(db: DbOrTx, terms: string[]): Promise<Map<string, NamedEntity[]>> {
  const keys = new Map(runs(terms).map(([i, n]) => [terms.slice(i, i + n).join(" "), terms.slice(i, i + n)]));
  const search = searchSql(db);
  const match = search.render(or([...keys.values()].map((ws) => and(ws.map(exact)))));
  // aliases as stored folded: a word in a hundred names would fold them all on every search otherwise
  const rows = await readQuery<Candidate>(
    db,
    sql`SELECT e.id, e.name, a.folded FROM "Entity" e LEFT JOIN "EntityAlias" a ON a."entityId" = e.id
    WHERE e.id IN (${search.entities(match, CANDIDATES)}) ORDER BY e.id, a.id`,
  );
  const byId = new Map<number, { name: string; aliases: string[] }>();
  for (const r of rows) {
    const e = byId.get(Number(r.id)) ?? byId.set(Number(r.id), { name: r.name, aliases: [] }).get(Number(r.id))!;
    if (r.folded !== null) e.aliases.push(r.folded);
  }
  const named = new Map<string, NamedEntity[]>();
  for (const [id, e] of byId) {
    const names = [wordsOf(e.name), ...e.aliases.map((a) => a.match(WORD) ?? [])].filter((w) => w.length);
    for (const key of new Set(names.map(nameKey))) {
      if (!keys.has(key) || (named.get(key)?.length ?? 0) >= MAX_ENTITIES) continue;
      named.set(key, [...(named.get(key) ?? []), { id, name: e.name, names, byAlias: nameKey(wordsOf(e.name)) !== key }]);
    }
  }
  return named;
}

/**
 * A group: its words as prefixes, or any name of the entities they name
 * whole, but for the names the words already find ("Hélios" finds "Hélios
 * Capital"): each phrase OR-ed in costs bm25 a pass over its index entries.
 */
function group(words: string[], entities: NamedEntity[]): SearchGroup {
  const typed = and(words.map(word));
  const found = (name: string[]) => words.every((w) => name.some((n) => findsWord(w, n)));
  const others = [...new Set(entities.flatMap((e) => e.names.filter((n) => n.length && !found(n)).map((n) => n.join(" "))))];
  return { words, match: or([typed, ...others.map((n): Expr => ({ phrase: n.split(" ") }))]), entityIds: entities.map((e) => e.id), entities };
}

/** The people and organisations whose names or aliases hold every word of `text` (word beginnings count): a picker's find box. */
export async function entitiesFoundBy(db: DbOrTx, text: string, limit: number): Promise<number[]> {
  const terms = searchTerms(text);
  if (!terms.length) return [];
  const search = searchSql(db);
  const rows = await db.$queryRaw<{ id: bigint | number }[]>(search.entities(search.render(and(terms.map(word))), limit));
  return rows.map((r) => Number(r.id));
}

/**
 * One group per word, all required; words that together are a whole name
 * or alias of a person or organisation ("Ultraman", "Mitt Hill") make one
 * group, which also matches text using any of its other names, and the
 * claims linked to it. The longest name wins, left to right.
 */
export async function buildSearch(db: DbOrTx, q: string): Promise<Search | null> {
  const terms = searchTerms(q);
  if (!terms.length) return null;
  const named = await wholeNames(db, terms);
  const groups: SearchGroup[] = [];
  for (let i = 0; i < terms.length;) {
    const n =
      Array.from({ length: MAX_NAME_WORDS }, (_, k) => MAX_NAME_WORDS - k).find((k) => i + k <= terms.length && named.has(terms.slice(i, i + k).join(" "))) ??
      1;
    const words = terms.slice(i, i + n);
    groups.push(group(words, named.get(words.join(" ")) ?? []));
    i += n;
  }
  return { groups, all: and(groups.map((g) => g.match)) };
}
