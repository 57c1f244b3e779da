import { describe, expect, test } from "vitest";
import { E2E_TIMEOUT, errorSummary, useE2E } from "./helpers.ts";
import { apiClaim, submit, unique } from "./scenarios.ts";

const env = useE2E();

describe("the story page in Chromium", { timeout: E2E_TIMEOUT }, () => {
  test("an editor opens a story, adds a claim by finding it, and sees the counts change; then adds one by number from the same page", async () => {
    const { page } = await env.signedIn("editor");
    const { body: story } = await env.api("POST", "/api/stories", { title: unique("Weekend at OpenAI") });
    const word = `quokka${process.pid}`;
    const rumor = await apiClaim(env, { statement: unique(`A ${word} was seen at the board meeting`), status: "rumored" });
    const other = await apiClaim(env, { status: "unverified" });

    await page.goto("/stories");
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: story.title }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/stories/${story.id}`);
    const count = (status: string) => page.locator(`.status-card-count[data-status=${status}]`).textContent();
    expect(await count("rumored")).toBe("0");
    expect(await page.locator("#story-rumors").count()).toBe(0);

    await page.fill("#field-find", word);
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Find", exact: true }).click()]);
    const found = page.locator("#found-claims li", { hasText: rumor.statement });
    expect(await found.count()).toBe(1);
    const added = await submit(page, found.getByRole("button", { name: `Add claim #${rumor.id} to the story` }));
    expect(added.status(), await errorSummary(page)).toBe(302);
    expect(await page.locator(".flash-success").textContent()).toBe(`Claim #${rumor.id} added to the story.`);
    expect(await count("rumored")).toBe("1");
    expect(await page.locator("#story-rumors").textContent()).toContain(rumor.statement);

    await page.fill("#field-claimId", String(other.id));
    expect((await submit(page, "Add to the story")).status(), await errorSummary(page)).toBe(302);
    expect(await count("unverified")).toBe("1");
    expect(await env.t.db.storyClaim.count({ where: { storyId: story.id } })).toBe(2);

    // the same claim again: refused beside the field, the number kept
    await page.fill("#field-claimId", String(other.id));
    expect((await submit(page, "Add to the story")).status()).toBe(409);
    expect(await page.locator("#error-claimId").textContent()).toBe(`Claim #${other.id} is already in this story.`);
    expect(await page.inputValue("#field-claimId")).toBe(String(other.id));
    expect(await count("unverified")).toBe("1");
  });

  test("from a claim's page, an editor adds the claim to a story and finds it there", async () => {
    const { page } = await env.signedIn("editor");
    const { body: story } = await env.api("POST", "/api/stories", { title: unique("Microsoft's offer") });
    const claim = await apiClaim(env);
    await page.goto(`/claims/${claim.id}`);
    await page.selectOption("#field-story", String(story.id));
    expect((await submit(page, page.locator("#add-to-story button[type=submit]"))).status(), await errorSummary(page)).toBe(302);
    expect(new URL(page.url()).pathname).toBe(`/claims/${claim.id}`);
    await Promise.all([page.waitForEvent("load"), page.locator("#stories").getByRole("link", { name: story.title }).click()]);
    expect(await page.locator("#claims-title ~ table").textContent()).toContain(claim.statement);
  });
});
