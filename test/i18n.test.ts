// The catalogue is complete: every message the code and the pages use has its
// French, no French entry is left over, and no page prints English outside a
// message. English is the message id itself (the gettext way), so a text
// missing from English is a text not wrapped in t(): the last check finds it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FR_FILES, fr } from "../src/i18n/fr/index.ts";
import { translate } from "../src/i18n/i18n.ts";

const root = path.resolve(import.meta.dirname, "..");
const files = (dir: string, ext: string): string[] =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext) && !f.includes("generated"))
    .map((f) => path.join(dir, f));

const sources = [...files("src", ".ts"), ...files("views", ".ejs")];
const text = (f: string) => readFileSync(path.join(root, f), "utf8");
// comments show how to call t() with examples that are not messages
const code = (f: string) =>
  f.endsWith(".ts")
    ? text(f)
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "")
    : text(f);

// t("…"), N_("…"), msg("…"), and the singular of msgn("…", "…") and t.n("…", "…")
const CALL = /\b(?:t|N_|msg|msgn|t\.n)\(\s*("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`)(\s*,\s*("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'))?/g;
const unquote = (q: string) =>
  q.startsWith("`") ? q.slice(1, -1) : (JSON.parse(q.startsWith("'") ? `"${q.slice(1, -1).replaceAll('"', '\\"').replaceAll("\\'", "'")}"` : q) as string);

interface Use {
  id: string;
  plural: boolean;
  file: string;
}
const uses: Use[] = sources.flatMap((file) =>
  [...code(file).matchAll(CALL)].map((m) => ({ id: unquote(m[1]!), plural: m[0].startsWith("msgn") || m[0].startsWith("t.n") ? true : false, file })),
);
const used = new Map(uses.map((u) => [u.id, u]));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the French catalogue", () => {
  it("the code and pages use messages, and each one has its French", () => {
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used.values()].filter((u) => !(u.id in fr)).map((u) => `${u.file}: ${JSON.stringify(u.id)}`);
    expect(missing).toEqual([]);
  });

  it("holds no entry that nothing uses", () => {
    expect(Object.keys(fr).filter((id) => !used.has(id))).toEqual([]);
  });

  it("never gives one message two translations in two files", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [file, catalogue] of Object.entries(FR_FILES)) {
      for (const [id, entry] of Object.entries(catalogue)) {
        const prior = seen.get(id);
        if (prior && JSON.stringify(FR_FILES[prior]![id]) !== JSON.stringify(entry))
          clashes.push(`${JSON.stringify(id)}: ${prior} and ${file} translate it differently`);
        seen.set(id, file);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("keeps each message's values and plural forms", () => {
    const wrong: string[] = [];
    for (const [id, entry] of Object.entries(fr)) {
      const forms = typeof entry === "string" ? [entry] : [entry.one, entry.other];
      for (const form of forms)
        if (placeholders(form).join() !== placeholders(id).join() && !(typeof entry === "object" && form === entry.one)) wrong.push(`${id} → ${form}`);
      if (used.get(id)?.plural && typeof entry === "string") wrong.push(`${id}: a count's message needs { one, other }`);
    }
    expect(wrong).toEqual([]);
  });

  it('writes a number as the other pages do, "nº 12" (the ordinal sign), never with the degree sign or "#"', () => {
    const odd = Object.entries(fr)
      .flatMap(([id, entry]) => (typeof entry === "string" ? [entry] : [entry.one, entry.other]).map((form) => [id, form]))
      .filter(([, form]) => /n°|#\{/.test(form!))
      .map(([id, form]) => `${id} → ${form}`);
    expect(odd).toEqual([]);
  });

  it("translates with values and counts, in French's plural rules", () => {
    const [id, entry] = Object.entries(fr).find((e): e is [string, { one: string; other: string }] => typeof e[1] === "object") ?? [];
    expect(id, "the catalogue has a message with plural forms").toBeDefined();
    // French counts 0 and 1 as singular, English only 1
    expect(translate("fr", id!, { count: 0 })).toBe(entry!.one.replace("{count}", "0"));
    expect(translate("fr", id!, { count: 2 })).toBe(entry!.other.replace("{count}", "2"));
    expect(translate("en", "{what} was not found.", { what: "That page" })).toBe("That page was not found.");
    expect(translate("fr", "{what} was not found.", { what: "That page" })).not.toContain("was not found");
  });
});

// What a page shows outside <% %> and what its attributes say to a reader.
const SHOWN_ATTRIBUTES = /\b(?:aria-label|placeholder|title|alt|value)="([^"<]*[A-Za-z][^"<]*)"/g;
const ALLOWED = new Set(["Claimtrack", "UTC", "URL", "JSON", "CSV", "API", "OK", "ID", "#", "×"]);

describe("the pages", () => {
  it("print no English outside a message", () => {
    const english: string[] = [];
    for (const file of files("views", ".ejs")) {
      const outside = text(file).replace(/<%[\s\S]*?%>/g, " ");
      const words = outside.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ");
      for (const m of words.matchAll(SHOWN_ATTRIBUTES)) if (!ALLOWED.has(m[1]!.trim())) english.push(`${file}: ${m[0]}`);
      for (const chunk of words.replace(/<[^>]*>/g, "\n").split("\n")) {
        const s = chunk.replace(/&\w+;|&#\d+;/g, " ").trim();
        if (/[A-Za-z]{2,}/.test(s) && !ALLOWED.has(s)) english.push(`${file}: ${s}`);
      }
    }
    expect(english).toEqual([]);
  });
});
