import { beforeAll, describe, expect, test } from "vitest";
import { axeCheck, E2E_TIMEOUT, formatViolations, useE2E, type SignedIn } from "./helpers.ts";

// Sources, people and organisations, the timeline, the dashboard and the
// audit log in French and English, on a phone and a laptop: French is longer,
// and no page may grow wider than the screen or fail axe's serious checks.

const env = useE2E();
const readers: Record<string, SignedIn> = {};
const paths: Record<string, string> = {};
const WIDTHS = [360, 1280];
const LANGUAGES = ["fr", "en"];

beforeAll(async () => {
  for (const width of WIDTHS) {
    for (const language of LANGUAGES) {
      // the browser asks for the language, as a reader's would (its locale sets Accept-Language)
      readers[`${language}@${width}`] = await env.signedIn("editor", {
        bypassCSP: true,
        viewport: { width, height: 900 },
        locale: language === "fr" ? "fr-FR" : "en-GB",
      });
    }
  }
  const source = await env.t.db.source.findFirstOrThrow({ where: { evidence: { some: {} } }, orderBy: { id: "asc" } });
  const entity = await env.t.db.entity.findFirstOrThrow({ where: { aliases: { some: {} } }, orderBy: { id: "asc" } });
  Object.assign(paths, {
    dashboard: "/",
    sources: "/sources",
    source: `/sources/${source.id}`,
    newSource: "/sources/new",
    entities: "/entities",
    entity: `/entities/${entity.id}`,
    editEntity: `/entities/${entity.id}/edit`,
    timeline: "/timeline?tz=Asia%2FShanghai",
    audit: "/audit",
  });
}, 120_000);

const cases = WIDTHS.flatMap((width) =>
  LANGUAGES.flatMap((language) =>
    ["dashboard", "sources", "source", "newSource", "entities", "entity", "editEntity", "timeline", "audit"].map((name) => [name, language, width] as const),
  ),
);

describe("the records' pages in French and English", { timeout: E2E_TIMEOUT }, () => {
  test.each(cases)("the %s page in %s at %i px", async (name, language, width) => {
    const { page } = readers[`${language}@${width}`]!;
    const response = await page.goto(paths[name]!);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe(language);
    const scrollWidth = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    expect(scrollWidth).toBe(width);
    const violations = await axeCheck(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
