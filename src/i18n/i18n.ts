// Translation, the gettext way (Django's, one of the house models): the English
// text is the message id, French catalogues map it to their text, and text
// with values names them in braces ("Claim #{id} saved."). Code that throws or
// flashes a message builds a Message, which reads as English in logs and JSON
// and is translated only where a page shows it.
import { fr } from "./fr/index.ts";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const isLocale = (s: unknown): s is Locale => (LOCALES as readonly unknown[]).includes(s);

/** How each language names itself, for the language menus. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français" };

/** The BCP 47 tag Intl formats with: British English (the house spelling), metropolitan French. */
export const INTL_TAG: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

export type Param = string | number | Message | null | undefined;
export type Params = Record<string, Param>;

/** A catalogue entry: a text, or a text per plural category of Intl.PluralRules ("one", "other"). */
export type Entry = string | { one: string; other: string };
export type Catalogue = Record<string, Entry>;

/** Text to translate where it is shown: an English message id, its values, and for a count its plural. */
export class Message {
  constructor(
    readonly text: string,
    readonly params: Params = {},
    readonly plural?: string,
  ) {}
  toString(): string {
    return translate("en", this);
  }
  toJSON(): string {
    return this.toString();
  }
}

export type Translatable = string | Message;

/** A message with values: `msg("Claim #{id} saved.", { id })`. */
export const msg = (text: string, params?: Params) => new Message(text, params);

/** A message that depends on a count: `msgn("{count} claim", "{count} claims", n)`. */
export const msgn = (one: string, other: string, count: number, params?: Params) => new Message(one, { ...params, count }, other);

/** Marks a text kept in a table (a label, a schema's error) for the catalogue test; it is translated where it is shown. */
export const N_ = <T extends string>(text: T): T => text;

const CATALOGUES: Record<Locale, Catalogue> = { en: {}, fr };
const plurals = new Map<Locale, Intl.PluralRules>();
const numbers = new Map<Locale, Intl.NumberFormat>();

function pluralOf(locale: Locale, count: number): "one" | "other" {
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(INTL_TAG[locale])));
  return rules.select(count) === "one" ? "one" : "other";
}

function formatNumber(locale: Locale, n: number): string {
  let f = numbers.get(locale);
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(INTL_TAG[locale])));
  return f.format(n);
}

/** The text of a message in a language; an id the catalogue lacks is shown in English. */
export function translate(locale: Locale, text: Translatable, params?: Params): string {
  const m = typeof text === "string" ? new Message(text, params) : text;
  const entry = CATALOGUES[locale][m.text];
  // the plural rules only for a text with plural forms (most have none; pages translate hundreds of texts)
  const form = typeof entry === "object" || m.plural ? pluralOf(locale, typeof m.params.count === "number" ? m.params.count : 1) : "one";
  const chosen = typeof entry === "object" ? entry[form] : (entry ?? (m.plural && form === "other" ? m.plural : m.text));
  if (!chosen.includes("{")) return chosen;
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in m.params)) return whole;
    const v = m.params[name];
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return formatNumber(locale, v);
    return v instanceof Message ? translate(locale, v) : v;
  });
}

export interface Translator {
  (text: Translatable, params?: Params): string;
  /** a count's text: `t.n("{count} claim", "{count} claims", n)` */
  n(one: string, other: string, count: number, params?: Params): string;
  readonly locale: Locale;
  /** the locale's BCP 47 tag for Intl ("fr-FR") */
  readonly tag: string;
}

const translators = new Map<Locale, Translator>();

/** The translator of a language: one per language, made once. */
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) {
    const fn = (text: Translatable, params?: Params) => translate(locale, text, params);
    t = Object.assign(fn, {
      n: (one: string, other: string, count: number, params?: Params) => translate(locale, msgn(one, other, count, params)),
      locale,
      tag: INTL_TAG[locale],
    });
    translators.set(locale, t);
  }
  return t;
}
