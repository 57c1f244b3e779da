import { beforeAll, describe, expect, test } from "vitest";
import { E2E_TIMEOUT, useE2E, type SignedIn } from "./helpers.ts";
import { submit } from "./scenarios.ts";

const env = useE2E();
let editor: SignedIn;

beforeAll(async () => {
  editor = await env.signedIn("editor");
});

describe("the forms' script in Chromium, JavaScript on", { timeout: E2E_TIMEOUT }, () => {
  test("pasting 1,200 characters into the statement keeps them all and the counter says 1,200 / 1,000, marked over", async () => {
    const { page } = editor;
    await page.goto("/claims/new");
    const counter = page.locator('[data-for="field-statement"]');
    expect(await counter.textContent()).toBe("0 / 1,000");
    await page.fill("#field-statement", "x".repeat(1200));
    expect((await page.inputValue("#field-statement")).length).toBe(1200);
    expect(await counter.textContent()).toBe("1,200 / 1,000");
    expect(await counter.getAttribute("class")).toContain("over");
    await page.fill("#field-statement", "Short enough.");
    expect(await counter.textContent()).toBe("13 / 1,000");
    expect(await counter.getAttribute("class")).not.toContain("over");
  });

  test("typing in the people picker's find box hides the others and keeps the ticked ones", async () => {
    const { page } = editor;
    await page.goto("/claims/new");
    const picker = page.getByRole("group", { name: "About these people and organisations" });
    await picker.getByRole("checkbox", { name: "Ilya Sutskever", exact: true }).check();
    await page.locator("#field-findEntities").pressSequentially("altm");
    expect(await picker.getByRole("checkbox", { name: "Sam Altman", exact: true }).isVisible()).toBe(true);
    expect(await picker.getByRole("checkbox", { name: "Ilya Sutskever", exact: true }).isVisible()).toBe(true);
    expect(await picker.getByRole("checkbox", { name: "Emmett Shear", exact: true }).isVisible()).toBe(false);
    await page.locator("#field-findEntities").fill("");
    await page.locator("#field-findEntities").dispatchEvent("input");
    expect(await picker.getByRole("checkbox", { name: "Emmett Shear", exact: true }).isVisible()).toBe(true);
  });

  test("sending the entity form empty shows the server's error summary, not the browser's tooltip", async () => {
    const { page } = editor;
    await page.goto("/entities/new");
    const response = await submit(page, "Add");
    expect(response.status()).toBe(422);
    expect(await page.locator(".error-summary").textContent()).toContain("The name is required.");
  });
});
