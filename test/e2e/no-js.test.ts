import { beforeAll, describe, expect, test } from "vitest";
import { E2E_TIMEOUT, useE2E, type SignedIn } from "./helpers.ts";
import { conflictingEdits, invalidEdit, resolveCitingSource } from "./scenarios.ts";

const env = useE2E();
let editor: SignedIn;

beforeAll(async () => {
  editor = await env.signedIn("editor", { javaScriptEnabled: false });
});

describe("the edit and resolve flows in Chromium with JavaScript off", { timeout: E2E_TIMEOUT }, () => {
  test("the browser really runs no script in these contexts", async () => {
    const { page } = editor;
    await page.goto("/claims");
    // an inline handler would set the title if scripts ran; page.evaluate runs outside the page's own scripts
    await page.setContent(`<body onload="document.title='ran'"><p>x</p></body>`);
    expect(await page.title()).toBe("");
  });

  test("an edit with an empty statement and confidence 150 shows both messages and keeps the input", async () => {
    await invalidEdit(env, editor.page);
  });

  test("two editors on one claim: the second save gets the conflict page with both versions and its input", async () => {
    const other = await env.signedIn("editor", { javaScriptEnabled: false });
    await conflictingEdits(env, editor.page, other.page);
  });

  test("resolving a rumor citing a source shows the flash and the badge", async () => {
    await resolveCitingSource(env, editor.page);
  });
});
