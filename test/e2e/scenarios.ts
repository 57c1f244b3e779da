// The edit and resolve flows, shared by the JavaScript-on and JavaScript-off suites:
// the app's one script only enhances the forms, so both must behave the same.
import type { Locator, Page, Response } from "playwright-core";
import { expect } from "vitest";
import { errorSummary, type E2E } from "./helpers.ts";

let n = 0;
/** A statement no other test uses. */
export const unique = (text: string) => `${text} (e2e ${process.pid}-${++n})`;

/** A claim made over the API, for a flow to work on. */
export async function apiClaim(env: E2E, fields: Record<string, unknown> = {}): Promise<{ id: number; statement: string; version: number }> {
  const { status, body } = await env.api("POST", "/api/claims", { statement: unique("The board met on Sunday"), status: "rumored", confidence: 40, ...fields });
  expect(status).toBe(201);
  return body;
}

/** Clicks a submit button (by its name, or a locator for a page in any language); returns the answer to the POST it sends (302 when it worked) once the next page has loaded. */
export async function submit(page: Page, button: string | Locator): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.request().isNavigationRequest()),
    page.waitForEvent("load"),
    (typeof button === "string" ? page.getByRole("button", { name: button, exact: true }) : button).click(),
  ]);
  return response;
}

/** Empty statement and confidence 150: 422, both messages, the input kept, nothing written. */
export async function invalidEdit(env: E2E, page: Page) {
  const claim = await apiClaim(env, { context: "Two outlets report it." });
  await page.goto(`/claims/${claim.id}/edit`);
  await page.fill("#field-statement", "");
  await page.fill("#field-confidence", "150");
  await page.fill("#field-context", "Context typed before the mistake.");

  const response = await submit(page, "Save changes");

  expect(response.status()).toBe(422);
  const summary = page.locator(".error-summary");
  expect(await summary.textContent()).toContain("The statement is required.");
  expect(await summary.textContent()).toContain("Confidence must be from 0 to 100.");
  expect(await page.locator("#error-confidence").textContent()).toContain("Confidence must be from 0 to 100.");
  expect(await page.inputValue("#field-confidence")).toBe("150");
  expect(await page.inputValue("#field-context")).toBe("Context typed before the mistake.");
  expect(await page.inputValue("#field-statement")).toBe("");
  const stored = await env.t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
  expect(stored).toMatchObject({ statement: claim.statement, confidence: 40, version: 1 });
}

/** Two editors on one edit form: the first saves, the second gets both versions and keeps their input, then saves over. */
export async function conflictingEdits(env: E2E, first: Page, second: Page) {
  const claim = await apiClaim(env);
  await first.goto(`/claims/${claim.id}/edit`);
  await second.goto(`/claims/${claim.id}/edit`);
  const mine = unique("Shear is interim CEO");
  const theirs = unique("Murati stays interim CEO");

  await first.fill("#field-statement", mine);
  expect((await submit(first, "Save changes")).status()).toBe(302);
  expect(await first.locator(".flash-success").textContent()).toContain("(version 2)");

  await second.fill("#field-statement", theirs);
  await second.fill("#field-context", "The second editor's notes.");
  const response = await submit(second, "Save changes");

  expect(response.status()).toBe(409);
  expect(await second.locator("h1").textContent()).toContain(`Edit conflict on claim #${claim.id}`);
  const row = second.locator(".conflict-table tr", { has: second.locator("th", { hasText: "Statement" }) });
  expect(await row.locator("td").nth(0).textContent()).toBe(mine);
  expect(await row.locator("td").nth(1).textContent()).toBe(theirs);
  expect(await second.inputValue("#field-statement")).toBe(theirs);
  expect(await second.inputValue("#field-context")).toBe("The second editor's notes.");
  expect(await second.inputValue("input[name=version]")).toBe("2");
  expect(await env.t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ statement: mine, version: 2 });

  expect((await submit(second, "Save my version")).status()).toBe(302);
  expect(await second.locator("h1").textContent()).toBe(theirs);
  expect(await env.t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
    statement: theirs,
    context: "The second editor's notes.",
    version: 3,
  });
}

/** Resolves an open claim as false from its page, citing a source: the flash, the badge and the record. */
export async function resolveCitingSource(env: E2E, page: Page) {
  const title = unique("Board statement on the CEO search");
  const source = await env.api("POST", "/api/sources", { title, kind: "official_statement" });
  expect(source.status).toBe(201);
  const claim = await apiClaim(env);
  const note = unique("The board named Emmett Shear instead");
  await page.goto(`/claims/${claim.id}`);

  const form = page.locator("form[action$='/resolution']");
  await form.getByRole("checkbox", { name: title }).check();
  await form.getByRole("radio", { name: /^False/ }).check();
  await form.getByLabel("Resolution note").fill(note);
  const response = await submit(page, "Resolve claim");

  expect(response.status(), await errorSummary(page)).toBe(302);
  expect(await page.locator(".flash-success").textContent()).toBe(`Claim #${claim.id} resolved as false.`);
  expect(await page.locator(".claim-status .badge").textContent()).toBe("False");
  expect(await page.locator(".resolution").textContent()).toContain(note);
  const stored = await env.t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
  // the optional confidence field was left empty: the confidence stays as it was
  expect(stored).toMatchObject({ status: "false", resolutionNote: note, confidence: 40, version: 2 });
  return { claimId: claim.id, sourceId: source.body.id as number, title, note };
}
