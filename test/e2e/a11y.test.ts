import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { axeCheck, E2E_TIMEOUT, errorSummary, formatViolations, LANGUAGES, useE2E, type SignedIn } from "./helpers.ts";
import { apiClaim, submit, unique } from "./scenarios.ts";
import { SYSTEM } from "../../src/audit/audit.service.ts";
import { createWebhook } from "../../src/webhooks/webhooks.service.ts";

const env = useE2E();

/** Who reads a page: an admin, a viewer, or a visitor not signed in. */
interface Readers {
  admin: SignedIn;
  viewer: SignedIn;
  stranger: Page;
}
type Reader = keyof Readers;
const readers: Record<string, Readers> = {};

// bypassCSP: axe is injected as an inline script, which the app's policy refuses
beforeAll(async () => {
  for (const { lang, locale } of LANGUAGES) {
    const options = { bypassCSP: true, locale };
    readers[lang] = {
      admin: await env.signedIn("admin", options),
      viewer: await env.signedIn("viewer", options),
      stranger: await (await env.contextFor(true, options)).newPage(),
    };
  }
}, 120_000);
const admin = () => readers.en!.admin;

const seeded = {
  openClaim: () => env.t.db.claim.findFirstOrThrow({ where: { status: "rumored", evidence: { some: {} } }, orderBy: { id: "asc" } }),
  resolvedClaim: () => env.t.db.claim.findFirstOrThrow({ where: { status: "confirmed", evidence: { some: {} } }, orderBy: { id: "asc" } }),
  citedSource: () => env.t.db.source.findFirstOrThrow({ where: { evidence: { some: {} } }, orderBy: { id: "asc" } }),
  entity: () => env.t.db.entity.findFirstOrThrow({ where: { name: "Sam Altman" } }),
  story: () => env.t.db.story.findFirstOrThrow({ orderBy: { id: "asc" } }),
  /** a webhook wanting every action, with a delivery queued (no worker runs here, so it stays pending) */
  webhook: async () => {
    const found = await env.t.db.webhook.findFirst({ orderBy: { id: "asc" } });
    if (found) return found;
    const webhook = await createWebhook(
      env.t.db,
      SYSTEM,
      { url: "https://93.184.215.14/claimtrack", actions: ["*"], description: "Desk chat" },
      { allowPrivate: false },
    );
    await apiClaim(env);
    return webhook;
  },
};

/** A change by someone else to a claim both admins watch: their inboxes show it unread (and the claim its discussion). */
async function inboxWithNews() {
  const claim = await apiClaim(env);
  for (const { admin } of Object.values(readers)) await env.t.db.watch.create({ data: { userId: admin.id, claimId: claim.id } });
  expect((await env.api("POST", `/api/claims/${claim.id}/comments`, { body: unique("A question for the desk") })).status).toBe(201);
  expect((await env.api("PATCH", `/api/claims/${claim.id}`, { assigneeId: readers.en!.admin.id, version: claim.version })).status).toBe(200);
}

type Check = [name: string, reader: Reader, open: (page: Page) => Promise<unknown>, status: number];

/** Each kind of page, reached by address as its reader would: the expected status, then the page as it stands. In both languages. */
const PAGES: Check[] = [
  ["the login page", "stranger", (p) => p.goto("/login"), 200],
  ["the dashboard", "admin", (p) => p.goto("/"), 200],
  ["the claims list", "admin", (p) => p.goto("/claims"), 200],
  ["the claims list searched for Ultraman", "admin", (p) => p.goto("/claims?q=Ultraman"), 200],
  ["My claims", "admin", (p) => p.goto("/claims?assignee=me&state=open"), 200],
  ["an open claim's page", "admin", async (p) => p.goto(`/claims/${(await seeded.openClaim()).id}`), 200],
  ["a resolved claim's page", "admin", async (p) => p.goto(`/claims/${(await seeded.resolvedClaim()).id}`), 200],
  ["the new claim form", "admin", (p) => p.goto("/claims/new"), 200],
  ["a claim's History", "admin", async (p) => p.goto(`/claims/${(await seeded.resolvedClaim()).id}/history`), 200],
  ["the sources list", "admin", (p) => p.goto("/sources"), 200],
  ["a source's page", "admin", async (p) => p.goto(`/sources/${(await seeded.citedSource()).id}`), 200],
  ["the new source form", "admin", (p) => p.goto("/sources/new"), 200],
  ["a source's edit form", "admin", async (p) => p.goto(`/sources/${(await seeded.citedSource()).id}/edit`), 200],
  ["the people and organisations list", "admin", (p) => p.goto("/entities"), 200],
  ["a person's page", "admin", async (p) => p.goto(`/entities/${(await seeded.entity()).id}`), 200],
  ["the new person or organisation form", "admin", (p) => p.goto("/entities/new"), 200],
  ["the audit log", "admin", (p) => p.goto("/audit"), 200],
  ["the stories list", "admin", (p) => p.goto("/stories"), 200],
  ["the archived stories", "admin", (p) => p.goto("/stories?status=archived"), 200],
  ["a story's page", "admin", async (p) => p.goto(`/stories/${(await seeded.story()).id}`), 200],
  ["a story's page with claims found to add", "admin", async (p) => p.goto(`/stories/${(await seeded.story()).id}?find=Ultraman`), 200],
  ["a story's page for a viewer", "viewer", async (p) => p.goto(`/stories/${(await seeded.story()).id}`), 200],
  ["the new story form", "admin", (p) => p.goto("/stories/new"), 200],
  ["a story's edit form", "admin", async (p) => p.goto(`/stories/${(await seeded.story()).id}/edit`), 200],
  ["the timeline of a story", "admin", async (p) => p.goto(`/timeline?story=${(await seeded.story()).id}`), 200],
  ["the timeline", "admin", (p) => p.goto("/timeline?tz=Asia/Shanghai"), 200],
  ["the users admin page", "admin", (p) => p.goto("/users"), 200],
  ["a user's admin page", "admin", (p) => p.goto(`/users/${readers.en!.viewer.id}`), 200],
  ["the sign-in log", "admin", (p) => p.goto("/users/sign-ins"), 200],
  [
    "the webhooks list",
    "admin",
    async (p) => {
      await seeded.webhook();
      return p.goto("/webhooks");
    },
    200,
  ],
  ["a webhook's page and its deliveries", "admin", async (p) => p.goto(`/webhooks/${(await seeded.webhook()).id}`), 200],
  ["the new webhook form", "admin", (p) => p.goto("/webhooks/new"), 200],
  ["a webhook's edit form", "admin", async (p) => p.goto(`/webhooks/${(await seeded.webhook()).id}/edit`), 200],
  ["the account page", "viewer", (p) => p.goto("/account"), 200],
  ["the inbox, with unread changes", "admin", (p) => inboxWithNews().then(() => p.goto("/inbox")), 200],
  ["the inbox, empty", "viewer", (p) => p.goto("/inbox"), 200],
  ["the 404 page", "admin", (p) => p.goto("/claims/99999999"), 404],
  ["the 403 page", "viewer", (p) => p.goto("/claims/new"), 403],
];

/** Pages a form leads to, filled in English (their buttons are found by their English names): once. */
const FORM_PAGES: Check[] = [
  [
    "the edit form with validation errors",
    "admin",
    async (p) => {
      await p.goto(`/claims/${(await apiClaim(env)).id}/edit`);
      await p.fill("#field-statement", "");
      await p.fill("#field-confidence", "150");
      return submit(p, "Save changes");
    },
    422,
  ],
  [
    "the edit conflict page",
    "admin",
    async (p) => {
      const claim = await apiClaim(env);
      await p.goto(`/claims/${claim.id}/edit`);
      expect((await env.api("PATCH", `/api/claims/${claim.id}`, { statement: unique("Saved first"), version: 1 })).status).toBe(200);
      await p.fill("#field-statement", unique("Saved second"));
      return submit(p, "Save changes");
    },
    409,
  ],
  [
    "the resolve form with errors",
    "admin",
    async (p) => {
      await p.goto(`/claims/${(await apiClaim(env)).id}`);
      return submit(p, "Resolve claim");
    },
    422,
  ],
  [
    "the new story form with errors",
    "admin",
    async (p) => {
      await p.goto("/stories/new");
      return submit(p, "Create story");
    },
    422,
  ],
  [
    "a story's edit conflict page",
    "admin",
    async (p) => {
      const { body } = await env.api("POST", "/api/stories", { title: unique("Story") });
      await p.goto(`/stories/${body.id}/edit`);
      expect((await env.api("PATCH", `/api/stories/${body.id}`, { title: unique("Saved first"), version: 1 })).status).toBe(200);
      await p.fill("#field-title", unique("Saved second"));
      return submit(p, "Save story");
    },
    409,
  ],
  [
    "the new webhook form with errors",
    "admin",
    async (p) => {
      await p.goto("/webhooks/new");
      await p.fill("#field-url", "ftp://not-a-web-address");
      return submit(p, "Register webhook");
    },
    422,
  ],
];

/** A form of the users' pages refused, in whichever language the page is: its own submit button, found by the form. */
const ADD_USER_REFUSED: Check = [
  "the add-user form with errors",
  "admin",
  async (p) => {
    await p.goto("/users/new");
    await p.fill("#field-email", "not an address");
    return submit(p, p.locator("form[action='/users'] button[type=submit]"));
  },
  422,
];

/** The element with focus, described in a few of its properties. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    return {
      tag: el.tagName as string,
      id: el.id as string,
      name: el.getAttribute("name") as string | null,
      type: el.getAttribute("type") as string | null,
      text: (el.textContent as string).trim(),
      className: el.className as string,
    };
  });

/** Presses Tab until the focused element passes the test (at most 300 times). */
async function tabTo(page: Page, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean) {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    if (wanted(await focused(page))) return;
  }
  throw new Error("Tab never reached the element");
}

describe("accessibility: axe-core finds no serious or critical violation", { timeout: E2E_TIMEOUT }, () => {
  test("the checker itself reports an image without alternative text and an unlabelled field", async () => {
    const page = await admin().context.newPage();
    await page.setContent(`<!doctype html><html lang="en"><title>Probe</title><main><h1>Probe</h1><img src="x.png"><input type="text"></main></html>`);
    const violations = await axeCheck(page);
    expect(violations.map((v) => v.id).sort()).toEqual(["image-alt", "label"]);
    expect(formatViolations(violations)).toContain("image-alt (critical)");
    await page.close();
  });

  const checks = LANGUAGES.flatMap(({ lang }) =>
    [...PAGES, ADD_USER_REFUSED, ...(lang === "en" ? FORM_PAGES : [])].map(([name, reader, open, status]) => ({ lang, name, reader, open, status })),
  );
  test.each(checks)("$name, in $lang", async ({ lang, reader, open, status }) => {
    const r = readers[lang]![reader];
    const page = "page" in r ? r.page : r;
    const response = (await open(page)) as { status(): number } | null;
    expect(response?.status()).toBe(status);
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    const violations = await axeCheck(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});

describe("accessibility: the keyboard", { timeout: E2E_TIMEOUT }, () => {
  test("the first Tab reaches the skip link, which shows with a visible outline; Enter moves focus to the main content", async () => {
    const page = admin().page;
    await page.goto("/claims");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "A", className: "skip-link", text: "Skip to content" });
    const box = await page.locator(".skip-link").boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);

    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ tag: "MAIN", id: "main" });
    expect(new URL(page.url()).hash).toBe("#main");
  });

  test("a link focused from the keyboard has a visible outline", async () => {
    const page = admin().page;
    await page.goto("/claims");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "A", className: "brand" });
    const outline = await page.evaluate(() => {
      const g = globalThis as any;
      const style = g.getComputedStyle(g.document.activeElement);
      return { style: style.outlineStyle as string, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });

  test("a rumor can be resolved with the keyboard alone: outcome, note, source, submit", async () => {
    const page = admin().page;
    const claim = await apiClaim(env);
    const note = unique("Resolved from the keyboard");
    await page.goto(`/claims/${claim.id}`);

    await tabTo(page, (f) => f.name === "outcome");
    expect(await focused(page)).toMatchObject({ type: "radio" });
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("input[name=outcome]:checked").getAttribute("value")).toBe("false");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ id: "field-note" });
    await page.keyboard.type(note);
    await tabTo(page, (f) => f.name === "sourceIds" && f.type === "checkbox");
    await page.keyboard.press("Space");
    const cited = await page.locator("form[action$='/resolution'] input[name=sourceIds]:checked").getAttribute("value");
    await tabTo(page, (f) => f.tag === "BUTTON" && f.text === "Resolve claim");
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);

    expect(new URL(page.url()).pathname, await errorSummary(page)).toBe(`/claims/${claim.id}`);
    expect(await page.locator(".flash-success").textContent()).toBe(`Claim #${claim.id} resolved as false.`);
    expect(await page.locator(".claim-status .badge").textContent()).toBe("False");
    expect(await env.t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "false", resolutionNote: note });
    const event = await env.t.db.auditEvent.findFirstOrThrow({ where: { subjectType: "claim", subjectId: claim.id, action: "claim.resolve" } });
    expect(JSON.parse(event.sourceIds)).toEqual([Number(cited)]);
  });
});
