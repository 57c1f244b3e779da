import { beforeAll, describe, expect, test } from "vitest";
import { E2E_TIMEOUT, login, useE2E, type SignedIn } from "./helpers.ts";
import { conflictingEdits, invalidEdit, resolveCitingSource, submit, unique } from "./scenarios.ts";

const env = useE2E();
let editor: SignedIn;

beforeAll(async () => {
  editor = await env.signedIn("editor");
});

describe("the editors' flows in Chromium, JavaScript on", { timeout: E2E_TIMEOUT }, () => {
  test("the login form refuses a wrong password, then signs in and lands on the dashboard", async () => {
    const account = await env.user("editor");
    const page = await (await env.contextFor(true)).newPage();
    await page.goto("/claims");
    expect(new URL(page.url()).pathname).toBe("/login");

    await page.fill("#field-email", account.email);
    await page.fill("#field-password", "not the password at all");
    expect((await submit(page, "Sign in")).status()).toBe(401);
    expect(await page.getByRole("alert").textContent()).toContain("That email and password do not match an account.");
    expect(await page.inputValue("#field-email")).toBe(account.email);

    await login(page, account.email, account.password);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.locator("h1").textContent()).toBe("Dashboard");
    expect(await page.locator(".flash-success").textContent()).toBe(`Signed in as ${account.email}.`);
  });

  test("the new claim form creates a rumored claim about Sam Altman and shows it", async () => {
    const { page } = editor;
    const statement = unique("Altman returns as CEO");
    await page.goto("/claims/new");
    await page.fill("#field-statement", statement);
    await page.fill("#field-context", "Staff letter, Sunday night.");
    await page.selectOption("#field-status", "rumored");
    await page.fill("#field-confidence", "35");
    await page.fill("#field-occurredAtText", "vers 14 heures, heure de Pékin");
    await page.getByRole("group", { name: "About these people and organisations" }).getByRole("checkbox", { name: "Sam Altman", exact: true }).check();

    expect((await submit(page, "Create claim")).status()).toBe(302);

    expect(await page.locator("h1").textContent()).toBe(statement);
    expect(await page.locator(".flash-success").textContent()).toMatch(/^Claim #\d+ created\.$/);
    expect(await page.locator(".claim-status .badge").textContent()).toBe("Rumored");
    expect(await page.locator(".kv").textContent()).toContain("Sam Altman");
    const stored = await env.t.db.claim.findFirstOrThrow({ where: { statement }, include: { entities: { include: { entity: true } } } });
    expect(stored).toMatchObject({
      status: "rumored",
      confidence: 35,
      context: "Staff letter, Sunday night.",
      occurredAtText: "vers 14 heures, heure de Pékin",
      version: 1,
    });
    expect(stored.entities.map((e) => e.entity.name)).toEqual(["Sam Altman"]);
    expect(new URL(page.url()).pathname).toBe(`/claims/${stored.id}`);
  });

  test("an edit with an empty statement and confidence 150 shows both messages and keeps the input", async () => {
    await invalidEdit(env, editor.page);
  });

  test("two editors on one claim: the second save gets the conflict page with both versions and its input", async () => {
    const other = await env.signedIn("editor");
    await conflictingEdits(env, editor.page, other.page);
  });

  test("resolving a rumor citing a source shows the flash and the badge; its History shows the note and the source", async () => {
    const { page } = editor;
    const { claimId, sourceId, title, note } = await resolveCitingSource(env, page);

    await page.getByRole("link", { name: "History", exact: true }).click();
    await page.waitForURL(`**/claims/${claimId}/history`);
    const row = page.locator("table.history tbody tr", { has: page.locator("td", { hasText: /^Claim resolved$/ }) });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(note);
    // who by the name the account has now
    expect(await row.textContent()).toContain((await env.t.db.user.findUniqueOrThrow({ where: { id: editor.id } })).name);
    expect(await row.locator("ul.changes").textContent()).toMatch(/Status: rumored → false/i);
    const cited = row.getByRole("link", { name: title });
    expect(await cited.getAttribute("href")).toBe(`/sources/${sourceId}`);
  });

  test("searching the claims for the alias Ultraman lists Sam Altman's claims", async () => {
    const { page } = editor;
    await page.goto("/claims");
    await page.fill("#field-q", "Ultraman");
    await Promise.all([page.waitForURL((url) => url.searchParams.get("q") === "Ultraman"), page.getByRole("button", { name: "Apply" }).click()]);

    const rows = page.locator("table.claims-table tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.inputValue("#field-q")).toBe("Ultraman");
    const aboutAltman = rows.filter({ has: page.getByRole("link", { name: "Sam Altman", exact: true }) });
    expect(await aboutAltman.count()).toBeGreaterThan(0);
    // the word itself is in no statement: the alias found them, and the page says so
    expect((await rows.locator("td:first-child > a").allTextContents()).join(" ")).not.toMatch(/ultraman/i);
    expect(await page.locator("table.claims-table").textContent()).toContain("Found through an alias of Sam Altman.");
    // the address is the clean one: the form's empty fields were dropped
    expect(new URL(page.url()).search).toBe("?q=Ultraman");
  });

  test("the timeline in Beijing time shows times as GMT+8", async () => {
    const { page } = editor;
    await page.goto("/timeline");
    // instants are <time> elements with a clock time; a span (the seed's evening in San Francisco) is its words
    expect(await page.locator("time.timeline-time").first().textContent()).toMatch(/UTC$/);
    await page.selectOption("#field-tz", { label: "Beijing" });
    await Promise.all([page.waitForURL((url) => url.searchParams.get("tz") === "Asia/Shanghai"), page.getByRole("button", { name: "Show" }).click()]);

    const times = await page.locator("time.timeline-time").allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^\d\d:\d\d GMT\+8$/);
    expect(await page.locator(".timeline-span").allTextContents()).toContain("evening of 16 Nov 2023 (San Francisco)");
    expect(await page.locator("main").textContent()).toContain("Times in Beijing (Asia/Shanghai)");
  });

  test("the account's Language choice turns the interface French and back to the browser's English", async () => {
    const { page } = await env.signedIn("viewer");
    await page.goto("/account");
    const save = page.locator("form[action='/account/language'] button[type=submit]");
    await page.check("input[name=locale][value=fr]");
    expect((await submit(page, save)).status()).toBe(302);
    expect(new URL(page.url()).pathname).toBe("/account");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.locator(".flash-success").textContent()).toBe("Langue enregistrée : Français.");
    expect(await page.getByRole("button", { name: "Déconnexion" }).isVisible()).toBe(true);
    await page.goto("/claims");
    expect(await page.getAttribute("html", "lang")).toBe("fr");

    await page.goto("/account");
    await page.check("input[name=locale][value='']");
    expect((await submit(page, save)).status()).toBe(302);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
  });

  test("the sign-in page's Français link turns a visitor's pages French, and stays after signing in", async () => {
    const account = await env.user("viewer");
    const page = await (await env.contextFor(true)).newPage();
    await page.goto("/login?next=%2Faccount");
    expect(await page.locator("h1").textContent()).toBe("Sign in");
    await Promise.all([page.waitForEvent("load"), page.getByRole("link", { name: "Français" }).click()]);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.locator("h1").textContent()).toBe("Se connecter");
    await page.fill("#field-email", account.email);
    await page.fill("#field-password", account.password);
    await Promise.all([page.waitForURL((url) => url.pathname === "/account"), page.click("form[action='/login'] button[type=submit]")]);
    expect(await page.locator("h1").textContent()).toBe("Votre compte");
  });
});
