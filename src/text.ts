// A right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko…) or a bidi control (marks, embeddings, overrides, isolates)
const BIDI = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u061C\u200F\u202A-\u202E\u2066-\u2069\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * User text inside a page's words (a flash, a History change, a title):
 * between FSI and PDI (U+2068, U+2069), the plain-text form of <bdi>, so a
 * right-to-left override (U+202E) in it ends with it instead of reordering
 * the rest. Text without right-to-left letters or controls renders the same
 * either way, and is left as it is.
 */
export const isolate = (s: string) => (BIDI.test(s) ? `\u2068${s}\u2069` : s);

/** Lower case without accents: "Pékin" → "pekin". What alias and search comparisons use. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .trim();
}

/**
 * A name as the duplicate check compares it: folded, and with only its
 * letters and digits, so "Sam Altman ", "sam  altman" and "SamAltman" are
 * one name, and so are "Adam D'Angelo" and "Adam D’Angelo".
 */
export const nameKey = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, "");
