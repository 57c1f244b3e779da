import { fold } from "../text.ts";
import { findsWord, type Search } from "./search.ts";

// Why a claim matched a search, computed from its text: ClaimSearch is a
// contentless FTS5 table (it keeps no text), so FTS5's highlight() and
// snippet() have nothing to cut from. The rules are the search's own: a
// word finds word beginnings, an entity's names match word for word.

/** A run of text, marked when the search matched it. */
export interface Piece {
  text: string;
  mark: boolean;
}

export interface Explanation {
  statement: Piece[];
  /** the context around its first match, or null when the context has none */
  context: Piece[] | null;
  /** the entities a search word named that found the claim, where the claim's text lacks the word itself */
  via: { name: string; byAlias: boolean }[];
  /** nothing in the statement or context matched: the quotes or the source titles did */
  elsewhere: boolean;
}

// marks too: in text stored decomposed, an accent stays inside its word
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const CONTEXT_BEFORE = 60;
const CONTEXT_LENGTH = 220;

interface Found {
  spans: [number, number][];
  words: Set<string>;
  entities: Set<number>;
}

function find(text: string, search: Search): Found {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: fold(m[0]) }));
  const found: Found = { spans: [], words: new Set(), entities: new Set() };
  tokens.forEach((t, i) => {
    for (const g of search.groups) {
      for (const word of g.words.filter((w) => findsWord(w, t.word))) {
        found.spans.push([t.start, t.end]);
        found.words.add(word);
      }
      for (const e of g.entities) {
        for (const name of e.names) {
          if (!name.every((w, k) => tokens[i + k]?.word === w)) continue;
          found.spans.push([t.start, tokens[i + name.length - 1]!.end]);
          found.entities.add(e.id);
        }
      }
    }
  });
  return found;
}

/** The text cut into marked and unmarked pieces; overlapping or touching spans make one mark. */
function pieces(text: string, spans: [number, number][]): Piece[] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const out: Piece[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** About CONTEXT_LENGTH characters of the context around its first match, cut at spaces, with ellipses where it was cut. */
function excerpt(text: string, spans: [number, number][]): Piece[] {
  const first = Math.min(...spans.map((s) => s[0]));
  let start = Math.max(0, first - CONTEXT_BEFORE);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  if (start > first) start = first;
  let end = Math.min(text.length, start + CONTEXT_LENGTH);
  if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), first + 1);
  const inside = spans.filter(([s]) => s >= start && s < end).map(([s, e]): [number, number] => [s - start, Math.min(e, end) - start]);
  const cut = pieces(text.slice(start, end), inside);
  return [...(start > 0 ? [{ text: "…", mark: false }] : []), ...cut, ...(end < text.length ? [{ text: "…", mark: false }] : [])];
}

/** Why the claim matched: its statement with the matched words marked, a context excerpt, the aliases it was found through. */
export function explain(search: Search, claim: { statement: string; context: string; entities: { id: number }[] }): Explanation {
  const statement = find(claim.statement, search);
  const context = find(claim.context, search);
  const typed = new Set([...statement.words, ...context.words]);
  const linked = new Set(claim.entities.map((e) => e.id));
  const via = search.groups
    .filter((g) => !g.words.every((w) => typed.has(w)))
    .flatMap((g) => g.entities.filter((e) => linked.has(e.id) || statement.entities.has(e.id) || context.entities.has(e.id)));
  return {
    statement: pieces(claim.statement, statement.spans),
    context: context.spans.length ? excerpt(claim.context, context.spans) : null,
    via: [...new Map(via.map((e) => [e.id, { name: e.name, byAlias: e.byAlias }])).values()],
    elsewhere: !statement.spans.length && !context.spans.length && !via.length,
  };
}
