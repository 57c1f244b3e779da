import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { axeCheck, E2E_TIMEOUT, formatViolations, useE2E, type E2E, type SignedIn } from "./helpers.ts";
import { apiClaim } from "./scenarios.ts";
import { SYSTEM } from "../../src/audit/audit.service.ts";
import { issueToken } from "../../src/users/users.service.ts";

// Issue 12, point 6 in Chromium: a page showing a record that someone else
// just changed says so (public/live.js); without JavaScript, nothing changes.

const env = useE2E();
let ada: SignedIn;

beforeAll(async () => {
  ada = await env.signedIn("editor", { bypassCSP: true });
});

const notice = (page: Page) => page.locator(".live-notice");

/** Records every text the notice shows, so a test can tell what it never said (a string: the page's own DOM types are not this file's). */
const recordNotices = (page: Page) =>
  page.evaluate(`(() => {
    window.seen = [];
    const el = document.querySelector(".live-notice");
    new MutationObserver(() => window.seen.push(el.textContent)).observe(el, { childList: true, subtree: true, characterData: true });
  })()`);

/** JSON API calls as the owner of a token. */
const apiAs =
  (token: string): E2E["api"] =>
  async (method, url, body) => {
    const res = await fetch(env.base + url, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  };

const patch = async (id: number, confidence: number, as: E2E["api"] = (method, url, body) => env.api(method, url, body)) => {
  const { body } = await as("GET", `/api/claims/${id}`);
  const res = await as("PATCH", `/api/claims/${id}`, { version: body.version, confidence, reason: "Live notice test." });
  expect(res.status).toBe(200);
};

describe("the live notice", { timeout: E2E_TIMEOUT }, () => {
  test("editor A has a claim page open; editor B edits it through the API: A's page says B changed it, with a link that reloads", async () => {
    const claim = await apiClaim(env);
    const { page } = ada;
    await page.goto(`/claims/${claim.id}`);
    await expect(notice(page).textContent()).resolves.toBe("");
    await patch(claim.id, 55);
    const reload = notice(page).getByRole("link", { name: "reload" });
    await reload.waitFor();
    expect((await notice(page).textContent())!.replace(/\s+/g, " ")).toBe("Changed by API editor a moment ago: reload");
    expect(await notice(page).getAttribute("role")).toBe("status");
    expect(formatViolations(await axeCheck(page))).toBe("");
    await Promise.all([page.waitForEvent("load"), reload.click()]);
    await expect(page.locator(".confidence").first().textContent()).resolves.toContain("55");
    await expect(notice(page).textContent()).resolves.toBe("");
  });

  test("A's own changes, and changes to other claims, say nothing; one notice is updated, not piled up", async () => {
    const shown = await apiClaim(env);
    const other = await apiClaim(env);
    const { page } = ada;
    const own = await env.t.db.user.findUniqueOrThrow({ where: { id: ada.id } });
    const asAda = apiAs(await issueToken(env.t.db, SYSTEM, own.email));
    const cleo = await env.user("editor", "Cleo Elsewhere");
    const asCleo = apiAs(await issueToken(env.t.db, SYSTEM, cleo.email));
    await page.goto(`/claims/${shown.id}`);
    await recordNotices(page);
    await patch(shown.id, 20, asAda);
    await patch(other.id, 30, asCleo);
    await patch(shown.id, 40);
    await patch(shown.id, 45);
    await notice(page).getByText("API editor").waitFor();
    // events arrive in order: by the time B's shows, A's own and the other claim's were seen and ignored
    const seen = await page.evaluate<string[]>("window.seen");
    expect(seen.filter((s) => s.includes(own.name) || s.includes("Cleo Elsewhere"))).toEqual([]);
    expect(await notice(page).locator("a").count()).toBe(1);
  });

  test("the claims list notices a change to any claim, in the page's language (French)", async () => {
    const fr = await env.signedIn("viewer", { locale: "fr-FR" });
    await fr.page.goto("/claims");
    await apiClaim(env);
    await notice(fr.page).getByRole("link", { name: "recharger" }).waitFor();
    expect((await notice(fr.page).textContent())!.replace(/\s+/g, " ")).toBe("Modifié par API editor à l’instant : recharger");
  });

  test("the story page notices a change to one of its claims, and to the story itself, not to a claim outside it", async () => {
    const inside = await apiClaim(env);
    const outside = await apiClaim(env);
    const story = await env.api("POST", "/api/stories", { title: "Live story page", description: "" });
    expect((await env.api("POST", `/api/stories/${story.body.id}/claims`, { claimId: inside.id })).status).toBe(201);
    const { page } = ada;
    await page.goto(`/stories/${story.body.id}`);
    await recordNotices(page);
    await patch(outside.id, 35);
    await patch(inside.id, 60);
    await notice(page).getByRole("link", { name: "reload" }).waitFor();
    expect(await page.evaluate<string[]>("window.seen")).toHaveLength(1);
    await page.reload();
    await expect(notice(page).textContent()).resolves.toBe("");
    const { body } = await env.api("GET", `/api/stories/${story.body.id}`);
    expect((await env.api("PATCH", `/api/stories/${story.body.id}`, { version: body.version, description: "Changed." })).status).toBe(200);
    await notice(page).getByRole("link", { name: "reload" }).waitFor();
  });

  test("without JavaScript the claim page is as before: an empty notice, and a reload shows the other editor's change", async () => {
    const noJs = await env.signedIn("editor", { javaScriptEnabled: false });
    const claim = await apiClaim(env, { confidence: 40 });
    const { page } = noJs;
    await page.goto(`/claims/${claim.id}`);
    await patch(claim.id, 65);
    await page.reload();
    await expect(page.locator(".confidence").first().textContent()).resolves.toContain("65");
    await expect(notice(page).textContent()).resolves.toBe("");
    await expect(page.getByRole("link", { name: "Edit", exact: true }).count()).resolves.toBe(1);
  });
});
