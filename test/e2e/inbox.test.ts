// The desk in a browser: one editor comments on another's claim; the other
// sees the count in the navigation, reads the change in /inbox, marks it read.
import { describe, expect, test } from "vitest";
import { E2E_TIMEOUT, errorSummary, useE2E } from "./helpers.ts";
import { submit, unique } from "./scenarios.ts";

const env = useE2E();

describe("the inbox in Chromium", () => {
  test(
    "editor A comments on a claim editor B created; B sees the unread count and the comment in /inbox, and marks it read",
    async () => {
      const b = await env.signedIn("editor");
      const statement = unique("The board's letter was signed by 700 employees");
      await b.page.goto("/claims/new");
      await b.page.fill("#field-statement", statement);
      expect((await submit(b.page, "Create claim")).status()).toBe(302);
      const claimUrl = new URL(b.page.url()).pathname;
      expect(await b.page.locator(".watch-form").textContent()).toContain("You watch this claim.");
      await expect.poll(() => b.page.locator(".nav-inbox").textContent()).toMatch(/^\s*Inbox\s*$/);

      const a = await env.signedIn("editor");
      await a.page.goto(claimUrl);
      const comment = unique("Which employees? <b>source</b> please");
      await a.page.fill("#field-body", comment);
      expect((await submit(a.page, "Post comment")).status()).toBe(302);
      expect(a.page.url()).toMatch(/#comment-\d+$/);
      expect(await errorSummary(a.page)).toBe("");
      expect(await a.page.locator(".comment-body").last().textContent()).toBe(comment);

      await b.page.reload();
      const inboxLink = b.page.getByRole("link", { name: "Inbox (1 unread)" });
      await expect.poll(() => inboxLink.count()).toBe(1);
      await inboxLink.click();
      await b.page.waitForURL(/\/inbox$/);
      const item = b.page.locator(".inbox-item.unread");
      expect(await item.count()).toBe(1);
      expect(await item.locator("blockquote").textContent()).toBe(comment);
      expect(await item.textContent()).toContain("Comment posted");
      expect(await item.getByRole("link").textContent()).toContain(statement);

      expect((await submit(b.page, "Mark all read")).status()).toBe(302);
      expect(await b.page.locator(".flash-success").textContent()).toContain("Your inbox is all read.");
      expect(await b.page.locator(".inbox-item.unread").count()).toBe(0);
      expect(await b.page.locator(".inbox-item").count()).toBe(1);
      expect((await b.page.locator(".nav-inbox").textContent())?.trim()).toBe("Inbox");
    },
    E2E_TIMEOUT,
  );
});
