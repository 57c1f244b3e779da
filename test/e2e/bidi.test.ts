import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { E2E_TIMEOUT, useE2E, type SignedIn } from "./helpers.ts";
import { submit } from "./scenarios.ts";

// A right-to-left override (U+202E) that its writer never closes reverses
// everything after it in its paragraph. Users' text is isolated, so the
// override reverses that text and nothing of the page around it (issue 8, item 9).

const RLO = "\u202E";
const env = useE2E();
let editor: SignedIn;
let page: Page;
let claimId: number;

/**
 * The left edge, in Chromium's layout, of `what` inside the first element
 * matching `selector` (and holding the text `holding`): a substring of one of
 * its text nodes, or (an object) the first element inside it matching that selector.
 */
async function leftOf(selector: string, what: string | { element: string }, holding = ""): Promise<number> {
  return page.evaluate(
    ([selector, what, holding]) => {
      const d = (globalThis as any).document;
      const root = [...d.querySelectorAll(selector)].find((el: any) => el.textContent.includes(holding));
      if (!root) throw new Error(`no ${selector}`);
      if (typeof what !== "string") return root.querySelector(what.element).getBoundingClientRect().left as number;
      const walker = d.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(what);
        if (at < 0) continue;
        const range = d.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + what.length);
        return range.getBoundingClientRect().left as number;
      }
      throw new Error(`no text ${what} in ${selector}`);
    },
    [selector, what, holding] as const,
  );
}

beforeAll(async () => {
  editor = await env.signedIn("editor");
  page = editor.page;
  const claim = await env.api("POST", "/api/claims", { statement: `The board ${RLO}fired him`, status: "rumored", occurredAt: "2031-06-01T12:00:00Z" });
  claimId = claim.body.id;
  const source = await env.api("POST", "/api/sources", { title: `Wire ${RLO}copy` });
  await page.goto(`/claims/${claimId}`);
  await page.selectOption("#field-sourceId", String(source.body.id));
  expect((await submit(page, "Add evidence")).status()).toBe(302);
}, 60_000);

describe("a right-to-left override in users' text stays inside it", { timeout: E2E_TIMEOUT }, () => {
  test("the flash after adding evidence keeps its own words after the source's title", async () => {
    expect(await leftOf(".flash", "added.")).toBeGreaterThan(await leftOf(".flash", "copy"));
  });

  test("the History page keeps the status badge after the statement", async () => {
    await page.goto(`/claims/${claimId}/history`);
    expect(await leftOf(".statement-small", { element: ".badge" })).toBeGreaterThan(await leftOf(".statement-small", "fired him"));
  });

  test("the History's 'before → after' keeps the new value after the old one", async () => {
    const { body } = await env.api("GET", `/api/claims/${claimId}`);
    expect((await env.api("PATCH", `/api/claims/${claimId}`, { statement: "Plain now", version: body.version })).status).toBe(200);
    await page.goto(`/claims/${claimId}/history`);
    // "Plain" alone: the cell may wrap before "now"
    expect(await leftOf("ul.changes li", "Plain", "Plain now")).toBeGreaterThan(await leftOf("ul.changes li", "fired him", "Plain now"));
  });

  test("the timeline keeps the status badge after the claim's link", async () => {
    const { body } = await env.api("GET", `/api/claims/${claimId}`);
    expect((await env.api("PATCH", `/api/claims/${claimId}`, { statement: `Again ${RLO}fired him`, version: body.version })).status).toBe(200);
    await page.goto("/timeline?order=desc");
    const item = `.timeline-body:has(a[href="/claims/${claimId}"])`;
    expect(await leftOf(item, { element: ".badge" })).toBeGreaterThan(await leftOf(item, "fired him"));
  });
});
