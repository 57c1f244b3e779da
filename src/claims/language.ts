// The language a quote is written in, as a BCP 47 tag, so that pages mark it
// with lang (a French quote on an English page is read, and spoken, as
// French). Quotes are never translated.
import { z } from "zod";
import { N_, type Translator } from "../i18n/i18n.ts";

/** The tag as Intl writes it ("FR-ca" → "fr-CA"), or null when it is not a language tag. */
export function canonicalLanguage(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

const LANGUAGE_ERROR = N_("Must be a language tag such as fr, en or pt-BR, or empty.");

/** A quote's language: a tag, canonicalised; "", null or absent is none given (null). */
export const language = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
  z
    .string({ error: LANGUAGE_ERROR })
    .max(35, LANGUAGE_ERROR)
    .transform((s, ctx) => {
      const tag = canonicalLanguage(s.trim());
      if (!tag) ctx.addIssue({ code: "custom", message: LANGUAGE_ERROR });
      return tag ?? z.NEVER;
    })
    .nullable(),
);

/** The languages the newsroom quotes most, first; the form also offers the one already chosen. */
const USUAL = ["fr", "en"];

/** The add-evidence form's choices, each language named in the reader's language ("French", "français"). */
export function quoteLanguages(t: Translator, current?: unknown) {
  const names = new Intl.DisplayNames(t.tag, { type: "language" });
  const chosen = typeof current === "string" ? canonicalLanguage(current) : null;
  const tags = chosen && !USUAL.includes(chosen) ? [...USUAL, chosen] : USUAL;
  return [{ id: "", label: t("Not given, or another language") }, ...tags.map((id) => ({ id, label: names.of(id) ?? id }))];
}
