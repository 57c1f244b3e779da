import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { E2E_TIMEOUT, LANGUAGES, useE2E, type SignedIn } from "./helpers.ts";
import { submit, unique } from "./scenarios.ts";
import { SYSTEM } from "../../src/audit/audit.service.ts";
import { createWebhook } from "../../src/webhooks/webhooks.service.ts";

// Issue 9, item 9: on a 360 px phone no page is wider than the screen, even
// with long unbroken words (a URL, a pasted handle) in every user field, and
// a Zalgo text's stacked combining marks stay off the lines around it. Item
// 16: nor in French, whose words are longer, nor on a 1280 px desktop.

const WIDTH = 360;
const SCREENS = [WIDTH, 1280];
const URL_WORD = `https://example.org/${"a1b2c3".repeat(20)}`;
const HANDLE = `@${"ultraman_officiel_".repeat(6)}`;
// forty combining marks above each letter: a stack far taller than a line
const ZALGO = [..."Zalgo"].map((c) => c + "\u030d\u030e\u0304\u0305\u033f\u0311\u0306\u0310\u0352\u0357".repeat(4)).join("");
const long = (what: string) => `${ZALGO} ${what} ${URL_WORD} ${HANDLE}`;
// a name has at most 200 characters: two Zalgo letters and most of the handle
const NAME = `${ZALGO.slice(0, 82)} ${HANDLE.slice(0, 100)}`;

const env = useE2E();
let page: Page;
const paths: Record<string, string> = {};
/** an admin (who sees every page) per language and screen width: "fr 360" */
const screens: Record<string, SignedIn> = {};

beforeAll(async () => {
  for (const { lang, locale } of LANGUAGES) {
    for (const width of SCREENS) screens[`${lang} ${width}`] = await env.signedIn("admin", { viewport: { width, height: 800 }, locale });
  }
  page = screens[`en ${WIDTH}`]!.page;
  // first, so that the events below are queued for it (no worker runs here: they stay pending)
  const webhook = await createWebhook(env.t.db, SYSTEM, { url: URL_WORD, actions: ["*"], description: long("hook").slice(0, 500) }, { allowPrivate: false });
  const entity = (await env.api("POST", "/api/entities", { name: NAME, kind: "person", aliases: [HANDLE.slice(0, 110)], description: long("CEO") })).body;
  const source = (await env.api("POST", "/api/sources", { title: long("Source"), publisher: HANDLE, author: HANDLE, url: URL_WORD, notes: long("notes") }))
    .body;
  const claim = (
    await env.api("POST", "/api/claims", {
      statement: long("The board fired him"),
      context: long("context"),
      occurredAtText: HANDLE,
      occurredAt: "2023-11-17T20:00:00Z",
      status: "rumored",
      entityIds: [entity.id],
    })
  ).body;
  const evidence = (await env.api("POST", `/api/claims/${claim.id}/evidence`, { sourceId: source.id, stance: "supports", quote: long("quote") })).body;
  const resolved = (await env.api("POST", "/api/claims", { statement: long("Resolved"), status: "rumored" })).body;
  await env.api("POST", `/api/claims/${resolved.id}/resolution`, { outcome: "confirmed", note: long("note"), sourceIds: [source.id] });
  const reopened = (await env.api("POST", "/api/claims", { statement: long("Reopened"), status: "rumored" })).body;
  await env.api("POST", `/api/claims/${reopened.id}/resolution`, { outcome: "false", note: long("note"), sourceIds: [source.id] });
  await env.api("POST", `/api/claims/${reopened.id}/reopen`, { status: "rumored", reason: long("reason") });
  const story = (await env.api("POST", "/api/stories", { title: long("Story").slice(0, 300), description: long("description") })).body;
  await env.api("POST", `/api/stories/${story.id}/claims`, { claimId: claim.id });
  // each screen's admin watches the claim, so that its inbox shows the comment
  for (const { id } of Object.values(screens)) await env.t.db.watch.create({ data: { userId: id, claimId: claim.id } });
  await env.api("POST", `/api/claims/${claim.id}/comments`, { body: long("comment") });
  Object.assign(paths, {
    dashboard: "/",
    stories: "/stories",
    story: `/stories/${story.id}`,
    storyEdit: `/stories/${story.id}/edit`,
    myClaims: "/claims?assignee=me&state=open",
    inbox: "/inbox",
    claims: "/claims",
    search: `/claims?q=${encodeURIComponent(HANDLE)}`,
    claim: `/claims/${claim.id}`,
    history: `/claims/${claim.id}/history`,
    edit: `/claims/${claim.id}/edit`,
    removeEvidence: `/claims/${claim.id}/evidence/${evidence.id}/delete`,
    resolved: `/claims/${resolved.id}`,
    reopened: `/claims/${reopened.id}`,
    sources: "/sources",
    source: `/sources/${source.id}`,
    entities: "/entities",
    entity: `/entities/${entity.id}`,
    removeAlias: `/entities/${entity.id}/aliases/${entity.aliasEntries[0].id}/delete`,
    audit: "/audit",
    timeline: "/timeline",
    users: "/users",
    user: `/users/${screens[`en ${WIDTH}`]!.id}`,
    signIns: "/users/sign-ins",
    account: "/account",
    webhooks: "/webhooks",
    webhook: `/webhooks/${webhook.id}`,
    webhookEdit: `/webhooks/${webhook.id}/edit`,
    login: "/login",
  });
}, 120_000);

/** How far the page is wider than the screen, and the elements that stick out, for the assertion's message. */
const overflow = (page: Page, width: number) =>
  page.evaluate((width) => {
    const d = (globalThis as any).document;
    const wide = [...d.querySelectorAll("main *, header *")]
      .filter((el: any) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el: any) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: d.documentElement.scrollWidth as number, wide };
  }, width);

/**
 * Whether the combining marks in the first element matching `selector` paint
 * anything outside its box: the page's pixels, that box masked, with the
 * marks and then with them taken out of its text. (The fonts here draw a
 * mark stack a few pixels tall; phones' fonts draw it far taller.)
 */
async function marksPaintOutside(selector: string): Promise<boolean> {
  const box = page.locator(selector).first();
  const before = await page.screenshot({ mask: [box] });
  await box.evaluate((el) => {
    const d = (globalThis as any).document;
    const walker = d.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) node.data = node.data.replace(/\p{M}/gu, "");
  });
  const after = await page.screenshot({ mask: [box] });
  return !before.equals(after);
}

describe("nothing is wider than a 360 px phone or a 1280 px desktop, in English or French", { timeout: E2E_TIMEOUT }, () => {
  const names = [
    "dashboard",
    "stories",
    "story",
    "storyEdit",
    "myClaims",
    "inbox",
    "claims",
    "search",
    "claim",
    "history",
    "edit",
    "removeEvidence",
    "resolved",
    "reopened",
    "sources",
    "source",
    "entities",
    "entity",
    "removeAlias",
    "audit",
    "timeline",
    "users",
    "user",
    "signIns",
    "account",
    "webhooks",
    "webhook",
    "webhookEdit",
  ];
  const cases = LANGUAGES.flatMap(({ lang }) => SCREENS.flatMap((width) => names.map((name) => ({ lang, width, name }))));

  test.each(cases)("the $name page, in $lang at $width px", async ({ lang, width, name }) => {
    const { page } = screens[`${lang} ${width}`]!;
    const response = await page.goto(paths[name]!);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    const { scrollWidth, wide } = await overflow(page, width);
    expect(scrollWidth, wide.join(", ")).toBe(width);
  });

  test.each(LANGUAGES.flatMap(({ lang }) => SCREENS.map((width) => ({ lang, width }))))("the login page, in $lang at $width px", async ({ lang, width }) => {
    const context = await env.contextFor(true, { viewport: { width, height: 800 }, locale: LANGUAGES.find((l) => l.lang === lang)!.locale });
    const stranger = await context.newPage();
    expect((await stranger.goto(paths.login!))?.status()).toBe(200);
    const { scrollWidth, wide } = await overflow(stranger, width);
    expect(scrollWidth, wide.join(", ")).toBe(width);
    await context.close();
  });

  test("the edit conflict page, whose stacked rows keep their Now and Your edit labels", async () => {
    const claim = (await env.api("POST", "/api/claims", { statement: long("Conflict"), status: "rumored" })).body;
    await page.goto(`/claims/${claim.id}/edit`);
    expect((await env.api("PATCH", `/api/claims/${claim.id}`, { statement: unique(long("Saved first")), version: 1 })).status).toBe(200);
    await page.fill("#field-statement", long("Saved second"));
    expect((await submit(page, "Save changes")).status()).toBe(409);
    const { scrollWidth, wide } = await overflow(page, WIDTH);
    expect(scrollWidth, wide.join(", ")).toBe(WIDTH);
    const labels = await page
      .locator(".conflict-table tbody tr")
      .first()
      .locator("td")
      .evaluateAll((tds) => tds.map((td) => (globalThis as any).getComputedStyle(td, "::before").content as string));
    expect(labels).toEqual(['"Now (version 2): "', '"Your edit: "']);
  });
});

describe("narrow columns", { timeout: E2E_TIMEOUT }, () => {
  const cardPages = LANGUAGES.flatMap(({ lang }) => SCREENS.flatMap((width) => ["dashboard", "story"].map((name) => ({ lang, width, name }))));
  test.each(cardPages)("the $name page's status cards hold their status badges, in $lang at $width px", async ({ lang, width, name }) => {
    const { page } = screens[`${lang} ${width}`]!;
    await page.goto(paths[name]!);
    const outside = await page
      .locator(".status-card")
      .evaluateAll((cards) =>
        cards
          .filter((card) => card.querySelector(".badge")!.getBoundingClientRect().right > card.getBoundingClientRect().right - 1)
          .map((card) => card.textContent!.trim()),
      );
    expect(outside).toEqual([]);
  });

  test("the audit log's Record column is wide enough for a statement's words at 1280 px (it was squeezed to a word or two a line, breaking words)", async () => {
    const { page } = screens["en 1280"]!;
    await page.goto(paths.audit!);
    const widths = await page.locator("table.history tbody td:nth-child(4)").evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(176);
  });

  test.each(LANGUAGES.map(({ lang }) => lang))("a webhook's Retry now keeps to one line: it is as tall as its Edit button, in %s at 1280 px", async (lang) => {
    const { page } = screens[`${lang} 1280`]!;
    await page.goto(paths.webhook!);
    const retry = await page.locator("form[action$='/retry'] button").first().boundingBox();
    const edit = await page.locator(".page-header .actions .button").first().boundingBox();
    expect(retry!.height).toBe(edit!.height);
  });
});

describe("Zalgo text stays off the lines around it", { timeout: E2E_TIMEOUT }, () => {
  test("a claim's statement paints nothing outside its own box", async () => {
    await page.goto(paths.claim!);
    expect(await marksPaintOutside("h1.statement")).toBe(false);
  });
});
