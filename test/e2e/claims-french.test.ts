import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { axeCheck, E2E_TIMEOUT, formatViolations, useE2E, type SignedIn } from "./helpers.ts";
import { apiClaim, unique } from "./scenarios.ts";

// The claims pages in French (the account's choice) on a desktop and a
// 360 px phone: French words are longer, and nothing may stick out; axe finds
// nothing serious; the seed's quotes are marked as French.

const env = useE2E();
const WIDTHS = [1280, 360];
const readers: Record<number, SignedIn> = {};
const paths: Record<string, string> = {};

beforeAll(async () => {
  for (const width of WIDTHS) {
    readers[width] = await env.signedIn("editor", { viewport: { width, height: 800 }, bypassCSP: true });
    await env.t.db.user.update({ where: { id: readers[width].id }, data: { locale: "fr" } });
  }
  const open = await env.t.db.claim.findFirstOrThrow({ where: { status: "rumored", evidence: { some: { quote: { not: "" } } } }, orderBy: { id: "asc" } });
  const resolved = await env.t.db.claim.findFirstOrThrow({ where: { status: "confirmed", evidence: { some: {} } }, orderBy: { id: "asc" } });
  Object.assign(paths, {
    list: "/claims",
    open: `/claims/${open.id}`,
    resolved: `/claims/${resolved.id}`,
    history: `/claims/${open.id}/history`,
    new: "/claims/new",
    edit: `/claims/${open.id}/edit`,
    resolve: `/claims/${open.id}/resolve`,
  });
}, 120_000);

/** How far the page is wider than its viewport, and what sticks out. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const d = (globalThis as any).document;
    const width = d.documentElement.clientWidth as number;
    const wide = [...d.querySelectorAll("main *, header *")]
      .filter((el: any) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el: any) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { over: (d.documentElement.scrollWidth as number) - width, wide };
  });

async function check(page: Page) {
  expect(await page.getAttribute("html", "lang")).toBe("fr");
  const { over, wide } = await overflow(page);
  expect(over, wide.join(", ")).toBe(0);
  const violations = await axeCheck(page);
  expect(violations, formatViolations(violations)).toEqual([]);
}

describe.each(WIDTHS)("the claims pages in French at %i px", { timeout: E2E_TIMEOUT }, (width) => {
  test.each(["list", "open", "resolved", "history", "new", "edit", "resolve"])("the %s page fits, is French and passes axe", async (name) => {
    const page = readers[width]!.page;
    expect((await page.goto(paths[name]!))?.status()).toBe(200);
    await check(page);
  });

  test("an open claim's quotes are marked as French, and its statuses and stances read in French", async () => {
    const page = readers[width]!.page;
    await page.goto(paths.open!);
    expect(await page.locator('blockquote.quote[lang="fr"]').count()).toBeGreaterThan(0);
    expect(await page.locator(".claim-status .badge").textContent()).toBe("Rumeur");
    expect(await page.locator("#field-language option").allTextContents()).toEqual(["Non précisée, ou autre langue", "français", "anglais"]);
    // the live count of a field's characters, as French writes numbers
    expect(await page.locator('.limit[data-for="field-quote"]').textContent()).toBe("0 / 5\u202f000");
  });

  test("the conflict page, its rows labelled in French", async () => {
    const page = readers[width]!.page;
    const claim = await apiClaim(env);
    await page.goto(`/claims/${claim.id}/edit`);
    expect((await env.api("PATCH", `/api/claims/${claim.id}`, { statement: unique("Saved first"), version: 1 })).status).toBe(200);
    await page.fill("#field-statement", unique("Saved second"));
    const [response] = await Promise.all([page.waitForNavigation(), page.click("button:has-text('Enregistrer les modifications')")]);
    expect(response?.status()).toBe(409);
    await check(page);
    await expect(page.locator("h1").textContent()).resolves.toContain("Conflit de modification");
  });
});
