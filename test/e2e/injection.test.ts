import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { PASSWORD } from "../helpers/app.ts";
import { E2E_TIMEOUT, useE2E, type SignedIn } from "./helpers.ts";
import { submit } from "./scenarios.ts";

/** Strings that run script if a page prints them unescaped, in text, in an attribute, in a textarea, in a script element or in a template. */
const CORPUS = [
  `<script>window.__pwned=1</script>`,
  `"><img src=x onerror="window.__pwned=1">`,
  `<svg onload=window.__pwned=1>`,
  `</textarea><script>window.__pwned=1</script>`,
  `</title><script>window.__pwned=1</script>`,
  `{{constructor.constructor('window.__pwned=1')()}}`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>">`,
  `' onmouseover='window.__pwned=1`,
  `" autofocus onfocus="alert(1)" x="`,
  `<a href=javascript:window.__pwned=1>x</a>`,
  `</script><script>window.__pwned=1</script>`,
  `<% window.__pwned=1 %><%- global.__pwned=1 %>`,
  `<details open ontoggle=alert(1)>x</details>`,
];

const env = useE2E();
const stored: Awaited<ReturnType<typeof storeEverywhere>>[] = [];
let admin: SignedIn;
let page: Page;
let tabs: Page[];
let userNames: string[];
const dialogs: string[] = [];

/** Every user-editable field of a claim, its evidence, workflow, source and entity, holding the payload (over the API). */
async function storeEverywhere(payload: string, i: number) {
  const call = async (method: string, url: string, body: unknown, status: number) => {
    const res = await env.api(method, url, body);
    expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBe(status);
    return res.body;
  };
  const entity = await call("POST", "/api/entities", { name: `${payload} e${i}`, kind: "person", description: payload, aliases: [`${payload} a${i}`] }, 201);
  const duplicate = await call("POST", "/api/entities", { name: `${payload} dup${i}`, kind: "person" }, 201);
  await call("POST", `/api/entities/${entity.id}/merge`, { otherId: duplicate.id, reason: payload }, 200);
  await call("POST", `/api/entities/${entity.id}/aliases`, { alias: `${payload} b${i}` }, 201);
  const { version: entityVersion } = await call("GET", `/api/entities/${entity.id}`, undefined, 200);
  await call("PATCH", `/api/entities/${entity.id}`, { description: `${payload} (edited)`, version: entityVersion }, 200);

  const url = `https://example.org/${i}?q=${payload}`;
  const source = await call("POST", "/api/sources", { title: payload, publisher: payload, author: payload, url, notes: payload }, 201);
  await call("PATCH", `/api/sources/${source.id}`, { notes: `${payload} (edited)`, version: source.version }, 200);

  // far in the future: first on the timeline read latest first
  const occurredAt = new Date(Date.UTC(2031, 0, 1 + i)).toISOString();
  const claim = await call(
    "POST",
    "/api/claims",
    { statement: payload, context: payload, occurredAtText: payload, occurredAt, status: "rumored", entityIds: [entity.id] },
    201,
  );
  await call("POST", `/api/claims/${claim.id}/evidence`, { sourceId: source.id, stance: "supports", quote: payload }, 201);
  const { version: claimVersion } = await call("GET", `/api/claims/${claim.id}`, undefined, 200);
  await call("PATCH", `/api/claims/${claim.id}`, { confidence: 70, reason: payload, sourceIds: [source.id], version: claimVersion }, 200);
  await call("POST", `/api/claims/${claim.id}/resolution`, { outcome: "confirmed", note: payload, sourceIds: [source.id] }, 200);
  await call("POST", `/api/claims/${claim.id}/reopen`, { status: "rumored", reason: payload, sourceIds: [source.id] }, 200);
  // half end resolved (the resolution box and the ClaimReview JSON-LD), half open (the resolve form)
  if (i % 2 === 0) await call("POST", `/api/claims/${claim.id}/resolution`, { outcome: "false", note: payload, sourceIds: [source.id] }, 200);
  return { payload, claimId: claim.id, sourceId: source.id, entityId: entity.id };
}

/**
 * Users whose names hold the payloads, added through the admin page's form.
 * Three at most (each costs a deliberately slow password hash), so the
 * payloads are packed into the 120 characters a name allows and the ones
 * that do not fit are left to the other fields.
 */
async function addUsersNamed(payloads: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const p of payloads) {
    const last = names.length - 1;
    if (last >= 0 && names[last]!.length + 1 + p.length <= 120) names[last] += ` ${p}`;
    else if (names.length < 3) names.push(p);
  }
  for (const [i, name] of names.entries()) {
    await page.goto("/users/new");
    await page.fill("#field-email", `injection-${i}@example.org`);
    await page.fill("#field-name", name);
    await page.selectOption("#field-role", "viewer");
    await page.fill("#field-password", PASSWORD);
    expect((await submit(page, "Add user")).status()).toBe(302);
  }
  return names;
}

interface Visit {
  path: string;
  status?: number;
  /** text the page must show (textareas count) */
  shows?: string[];
  /** selector → the value the field must hold */
  inputs?: Record<string, string>;
}

/** Loads the page and checks that nothing ran, then what it shows. */
async function visit(tab: Page, { path, status = 200, shows = [], inputs = {} }: Visit) {
  const response = await tab.goto(path);
  expect(response?.status(), path).toBe(status);
  const { pwned, text } = await tab.evaluate(async () => {
    // toggle events and the like are queued during parsing: give them a turn
    await new Promise((done) => setTimeout(done, 20));
    const g = globalThis as any;
    return { pwned: g.__pwned as unknown, text: g.document.body.textContent as string };
  });
  expect(dialogs, `a dialog opened on ${path}`).toEqual([]);
  expect(pwned, `script ran on ${path}`).toBeUndefined();
  for (const s of shows) expect(text, `${path} should show ${s}`).toContain(s);
  for (const [selector, value] of Object.entries(inputs)) expect(await tab.inputValue(selector), `${selector} on ${path}`).toBe(value);
}

/** Visits the pages three at a time (the server renders while Chromium parses). */
async function visitAll(visits: Visit[]) {
  const queue = [...visits];
  await Promise.all(
    tabs.map(async (tab) => {
      try {
        for (let next = queue.shift(); next; next = queue.shift()) await visit(tab, next);
      } catch (err) {
        queue.length = 0;
        throw err;
      }
    }),
  );
}

beforeAll(async () => {
  // CSP is off in this browser: the pages' escaping, not the policy, must stop every payload
  admin = await env.signedIn("admin", { bypassCSP: true });
  page = admin.page;
  tabs = [page, await admin.context.newPage(), await admin.context.newPage()];
  for (const tab of tabs) {
    tab.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()} "${dialog.message()}" on ${tab.url()}`);
      void dialog.dismiss();
    });
  }
  for (const [i, payload] of CORPUS.entries()) stored.push(await storeEverywhere(payload, i));
  userNames = await addUsersNamed(CORPUS);
}, 120_000);

describe("script injection: every user-editable field, every page that shows it", { timeout: E2E_TIMEOUT }, () => {
  test("the detector itself: an unescaped payload on a page sets window.__pwned and an alert is recorded", async () => {
    const probe = await admin.context.newPage();
    const seen: string[] = [];
    probe.on("dialog", (dialog) => {
      seen.push(dialog.message());
      void dialog.dismiss();
    });
    await probe.setContent(`<img src=x onerror="window.__pwned=1"><img src=y onerror="alert('probe')">`);
    await probe.waitForFunction(() => (globalThis as any).__pwned === 1);
    await expect.poll(() => seen).toEqual(["probe"]);
    await probe.close();
  });

  test("a javascript: URL is refused for a source, over the API and in the form, with the message by the field", async () => {
    for (const url of ["javascript:window.__pwned=1", "JavaScript:alert(1)", " javascript:alert(1)"]) {
      const res = await env.api("POST", "/api/sources", { title: "Refused", url });
      expect(res.status).toBe(422);
      expect(res.body.error.fields.url).toBe("Must be a web address starting with http:// or https://.");
    }
    const { sourceId } = stored[0]!;
    const patch = await env.api("PATCH", `/api/sources/${sourceId}`, { url: "javascript:window.__pwned=1", version: 2 });
    expect(patch.status).toBe(422);

    await page.goto("/sources/new");
    await page.fill("#field-title", "A source with a script for an address");
    await page.fill("#field-url", "javascript:window.__pwned=1");
    expect((await submit(page, "Add source")).status()).toBe(422);
    expect(await page.locator("#error-url").textContent()).toContain("Must be a web address starting with http:// or https://.");
    expect(await page.inputValue("#field-url")).toBe("javascript:window.__pwned=1");
    expect(await env.t.db.source.count({ where: { url: { startsWith: "javascript" } } })).toBe(0);
    expect(await env.t.db.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({ url: `https://example.org/0?q=${CORPUS[0]}` });
  });

  test("a claim's page, edit form, History and resolve form print every payload as text", async () => {
    const open = stored.find((_, i) => i % 2 === 1)!;
    await visitAll([
      ...stored.flatMap(({ payload, claimId }) => ["", "/edit", "/history"].map((tail) => ({ path: `/claims/${claimId}${tail}`, shows: [payload] }))),
      { path: `/claims/${open.claimId}/resolve`, shows: [open.payload] },
    ]);
  });

  test("a source's page and edit form, and an entity's page and edit form, print every payload as text", async () => {
    await visitAll(
      stored.flatMap(({ payload, sourceId, entityId }) =>
        [`/sources/${sourceId}`, `/sources/${sourceId}/edit`, `/entities/${entityId}`, `/entities/${entityId}/edit`].map((path) => ({
          path,
          shows: [payload],
        })),
      ),
    );
    // the stored address with the payload in its query is a link, still to example.org
    await page.goto(`/sources/${stored[1]!.sourceId}`);
    expect(
      await page
        .locator("main")
        .getByRole("link", { name: /example\.org/ })
        .getAttribute("href"),
    ).toBe(`https://example.org/1?q=${CORPUS[1]}`);
  });

  test("the lists, the dashboard, the timeline, the audit log and the users page load clean and show the payloads", async () => {
    const all = [...CORPUS];
    await visitAll([
      { path: "/claims", shows: all },
      { path: "/claims?status=false", shows: CORPUS.filter((_, i) => i % 2 === 0) },
      { path: "/timeline?order=desc", shows: all },
      { path: "/timeline?order=desc&tz=Asia/Shanghai", shows: all },
      { path: "/sources", shows: all },
      { path: "/entities", shows: all },
      { path: "/users", shows: userNames },
      { path: "/", shows: [CORPUS.at(-1)!] },
      { path: "/audit", shows: [CORPUS.at(-1)!] },
    ]);
  });

  test("search and filter pages with payloads in the query string print them back escaped", async () => {
    const everything = encodeURIComponent(CORPUS.join(" "));
    await visitAll([
      ...CORPUS.flatMap((payload) => {
        const q = encodeURIComponent(payload);
        return [
          // a bad sort too: the 422 page echoes the search in its box and in its empty state
          { path: `/claims?q=${q}&sort=${q}`, status: 422, inputs: { "#field-q": payload }, shows: [payload] },
          { path: `/sources?q=${q}`, inputs: { "#field-q": payload } },
          { path: `/entities?q=${q}`, inputs: { "#field-q": payload } },
        ];
      }),
      // searches are cut to 500 characters
      { path: `/claims?q=${everything}`, inputs: { "#field-q": CORPUS.join(" ").slice(0, 500).trim() } },
      { path: `/timeline?tz=${everything}&status=${everything}`, status: 422 },
      { path: `/audit?actor=${everything}&since=${everything}`, status: 422 },
    ]);
  });

  test("the login page with a payload in next= prints it escaped", async () => {
    const stranger = await (await env.contextFor(true, { bypassCSP: true })).newPage();
    stranger.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()} on the login page`);
      void dialog.dismiss();
    });
    for (const payload of CORPUS)
      await visit(stranger, { path: `/login?next=${encodeURIComponent("/" + payload)}`, inputs: { "input[name=next]": "/" + payload } });
  });

  test("no template ran a payload on the server either", () => {
    expect((globalThis as any).__pwned).toBeUndefined();
  });
});
