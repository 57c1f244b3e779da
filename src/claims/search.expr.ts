// A search as a tree, which each engine writes in its own query language
// (FTS5's in src/sqlite/search.sql.ts, tsquery's in src/postgres/search.sql.ts).

/** A word (from three letters on, word beginnings match too), a phrase of whole words, or several AND-ed or OR-ed. */
export type Expr = { word: string; prefix: boolean } | { phrase: string[] } | { and: Expr[] } | { or: Expr[] };

/** A search word: from three letters on, word beginnings match too. */
export const word = (w: string): Expr => ({ word: w, prefix: w.length >= 3 });

/** A word that matches only itself. */
export const exact = (w: string): Expr => ({ word: w, prefix: false });

export const and = (of: Expr[]): Expr => (of.length === 1 ? of[0]! : { and: of });
export const or = (of: Expr[]): Expr => (of.length === 1 ? of[0]! : { or: of });

/** An expression in a query language: `word` and `phrase` say how a word and a phrase are written, `joiners` how AND and OR are. */
export function renderWith(
  e: Expr,
  word: (w: string, prefix: boolean) => string,
  phrase: (words: string[]) => string,
  joiners: { and: string; or: string },
): string {
  const render = (x: Expr): string => {
    if ("word" in x) return word(x.word, x.prefix);
    if ("phrase" in x) return phrase(x.phrase);
    const [parts, joiner] = "and" in x ? [x.and, joiners.and] : [x.or, joiners.or];
    return `(${parts.map(render).join(joiner)})`;
  };
  return render(e);
}
