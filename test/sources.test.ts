import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let editorToken: string;
let n = 0;
/** a title no other test uses, so searches and counts see only this test's data */
const unique = (label: string) => `${label} ${++n}-${Date.now()}`;

beforeAll(async () => {
  t = await testApp();
  editorToken = await t.token("editor");
});
afterAll(async () => {
  await t.close();
});

const api = (token = editorToken) => bearer(t.app, token);

async function newSource(fields: Record<string, unknown> = {}) {
  const res = await api()
    .post("/api/sources", { title: unique("Source"), ...fields })
    .expect(201);
  return res.body as { id: number; title: string; version: number };
}

const counts = async () => ({ sources: await t.db.source.count(), events: await t.db.auditEvent.count() });
const sourceEvents = (id: number) => t.db.auditEvent.findMany({ where: { subjectType: "source", subjectId: id }, orderBy: { id: "asc" } });

describe("source pages", () => {
  it("POST /sources with valid input redirects to the source's page, which shows it and a flash", async () => {
    const { agent, csrf, email } = await t.signIn("editor");
    const title = unique("Letter from the employees");
    const res = await agent
      .post("/sources")
      .type("form")
      .send({
        _csrf: csrf,
        title,
        publisher: "Wired",
        author: "",
        url: "https://example.org/letter",
        publishedAt: "2023-11-20T13:30",
        kind: "document",
        reliability: "mixed",
        notes: "",
      })
      .expect(302);
    const id = Number(/^\/sources\/(\d+)$/.exec(res.headers.location as string)?.[1]);
    const row = await t.db.source.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title, publisher: "Wired", kind: "document", reliability: "mixed", url: "https://example.org/letter", version: 1 });
    expect(row.publishedAt?.toISOString()).toBe("2023-11-20T13:30:00.000Z");
    const [event] = await sourceEvents(id);
    expect(event).toMatchObject({ action: "source.create", actorLabel: email });
    expect(JSON.parse(event!.changes)).toEqual({
      title: [null, title],
      publisher: [null, "Wired"],
      url: [null, "https://example.org/letter"],
      publishedAt: [null, "2023-11-20T13:30:00.000Z"],
      kind: [null, "document"],
      reliability: [null, "mixed"],
    });

    const page = await agent.get(`/sources/${id}`).expect(200);
    expect(page.text).toContain(`Source #${id} added.`);
    expect(page.text).toContain(title);
    expect(page.text).toContain("20 Nov 2023, 13:30 UTC");
    expect(page.text).toContain('<a href="https://example.org/letter" rel="noopener noreferrer">');
    const again = await agent.get(`/sources/${id}`).expect(200);
    expect(again.text).not.toContain(`Source #${id} added.`);
  });

  it("POST /sources with no title answers 422, keeps the input and writes nothing", async () => {
    const { agent, csrf } = await t.signIn("editor");
    const before = await counts();
    const res = await agent
      .post("/sources")
      .type("form")
      .send({ _csrf: csrf, title: "  ", publisher: "Kept Publisher", kind: "interview", notes: "kept notes" })
      .expect(422);
    expect(res.text).toContain("The title is required.");
    expect(res.text).toContain('href="#field-title"');
    expect(res.text).toContain('value="Kept Publisher"');
    expect(res.text).toMatch(/<option value="interview" selected>/);
    expect(res.text).toContain("kept notes</textarea>");
    expect(await counts()).toEqual(before);
  });

  it("POST /sources with a javascript: URL answers 422 with a message on the URL and writes nothing", async () => {
    const { agent, csrf } = await t.signIn("editor");
    const before = await counts();
    const res = await agent
      .post("/sources")
      .type("form")
      .send({ _csrf: csrf, title: unique("Bad link"), url: "javascript:alert(1)" })
      .expect(422);
    expect(res.text).toContain("Must be a web address starting with http:// or https://.");
    expect(res.text).toContain('value="javascript:alert(1)"');
    expect(await counts()).toEqual(before);
  });

  it("POST /sources/:id with invalid input answers 422 with the edit form and the input kept", async () => {
    const { agent, csrf } = await t.signIn("editor");
    const source = await newSource();
    const res = await agent
      .post(`/sources/${source.id}`)
      .type("form")
      .send({ _csrf: csrf, version: "1", title: "Typed title", publishedAt: "yesterday-ish" })
      .expect(422);
    expect(res.text).toContain("Must be a date and time");
    expect(res.text).toContain('value="Typed title"');
    expect(res.text).toContain('value="yesterday-ish"');
    expect(res.text).toContain(`action="/sources/${source.id}"`);
    expect(await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ title: source.title, version: 1 });
  });

  it("POST /sources/:id with a stale version answers 409, changes nothing and shows both values", async () => {
    const { agent, csrf } = await t.signIn("editor");
    const source = await newSource({ publisher: "First Publisher" });
    const theirs = unique("Their title");
    await api().patch(`/api/sources/${source.id}`, { version: 1, title: theirs }).expect(200);
    const mine = unique("My title");
    const res = await agent
      .post(`/sources/${source.id}`)
      .type("form")
      .send({ _csrf: csrf, version: "1", title: mine, publisher: "First Publisher", kind: "other", reliability: "unknown" })
      .expect(409);
    expect(res.text).toContain("Edit conflict");
    expect(res.text).toContain(theirs);
    expect(res.text).toContain(mine);
    expect(res.text).toContain('name="version" value="2"');
    expect(await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ title: theirs, version: 2 });
    expect((await sourceEvents(source.id)).map((e) => e.action)).toEqual(["source.create", "source.update"]);
  });

  it("POST /sources/:id with nothing changed redirects and writes no audit event or version", async () => {
    const { agent, csrf } = await t.signIn("editor");
    const source = await newSource({ publisher: "Same", kind: "news_report" });
    const before = await counts();
    const form = {
      _csrf: csrf,
      version: "1",
      title: source.title,
      publisher: "Same",
      author: "",
      url: "",
      publishedAt: "",
      kind: "news_report",
      reliability: "unknown",
      notes: "",
    };
    await agent.post(`/sources/${source.id}`).type("form").send(form).expect(302);
    expect(await counts()).toEqual(before);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).version).toBe(1);
    expect((await agent.get(`/sources/${source.id}`).expect(200)).text).toContain("Nothing changed.");
  });

  it("POST /sources/:id records a source.update event with before and after of the changed fields only", async () => {
    const { agent, csrf, email } = await t.signIn("editor");
    const source = await newSource({ reliability: "unknown", publishedAt: "2023-11-17T20:00" });
    const form = { _csrf: csrf, version: "1", title: source.title, reliability: "reliable", publishedAt: "2023-11-18T08:15", kind: "other" };
    await agent.post(`/sources/${source.id}`).type("form").send(form).expect(302);
    const events = await sourceEvents(source.id);
    expect(events.map((e) => e.action)).toEqual(["source.create", "source.update"]);
    expect(events[1]!.actorLabel).toBe(email);
    expect(JSON.parse(events[1]!.changes)).toEqual({
      reliability: ["unknown", "reliable"],
      publishedAt: ["2023-11-17T20:00:00.000Z", "2023-11-18T08:15:00.000Z"],
    });
    expect((await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).version).toBe(2);
    const page = await agent.get(`/sources/${source.id}`).expect(200);
    expect(page.text).toContain("Source saved.");
  });

  it("viewers see no New or Edit controls and get 403 on page writes, with nothing written", async () => {
    const { agent, csrf } = await t.signIn("viewer");
    const source = await newSource();
    const index = await agent.get("/sources").expect(200);
    expect(index.text).not.toContain('href="/sources/new"');
    expect(index.text).toContain(source.title);
    const show = await agent.get(`/sources/${source.id}`).expect(200);
    expect(show.text).not.toContain(`/sources/${source.id}/edit`);
    await agent.get("/sources/new").expect(403);
    await agent.get(`/sources/${source.id}/edit`).expect(403);
    const before = await counts();
    await agent
      .post("/sources")
      .type("form")
      .send({ _csrf: csrf, title: unique("Viewer source") })
      .expect(403);
    await agent.post(`/sources/${source.id}`).type("form").send({ _csrf: csrf, version: "1", title: "Viewer edit" }).expect(403);
    expect(await counts()).toEqual(before);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).title).toBe(source.title);
  });

  it("editors see the New source button and the Edit link", async () => {
    const { agent } = await t.signIn("editor");
    const source = await newSource();
    expect((await agent.get("/sources").expect(200)).text).toContain('href="/sources/new"');
    expect((await agent.get(`/sources/${source.id}`).expect(200)).text).toContain(`href="/sources/${source.id}/edit"`);
    const edit = await agent.get(`/sources/${source.id}/edit`).expect(200);
    expect(edit.text).toContain('name="version" value="1"');
    expect(edit.text).toContain(`value="${source.title}"`);
  });

  it("POST /sources without a CSRF token answers 403 and writes nothing", async () => {
    const { agent } = await t.signIn("editor");
    const before = await counts();
    await agent
      .post("/sources")
      .type("form")
      .send({ title: unique("No token") })
      .expect(403);
    await agent
      .post("/sources")
      .type("form")
      .send({ title: unique("Bad token"), _csrf: "forged" })
      .expect(403);
    expect(await counts()).toEqual(before);
  });

  it("markup typed into a title is escaped on the index, show and edit pages", async () => {
    const { agent } = await t.signIn("editor");
    const title = `<script>alert(1)</script> ${unique("xss")}`;
    const source = await newSource({ title, notes: "<b>bold</b>" });
    const escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    for (const url of [`/sources?q=${encodeURIComponent(title.slice(-20))}`, `/sources/${source.id}`, `/sources/${source.id}/edit`]) {
      const page = await agent.get(url).expect(200);
      expect(page.text, url).toContain(escaped);
      expect(page.text, url).not.toContain("<script>alert(1)</script>");
    }
    expect((await agent.get(`/sources/${source.id}`)).text).not.toContain("<b>bold</b>");
  });

  it("GET /sources filters by search and kind and pages with a Next link", async () => {
    const { agent } = await t.signIn("viewer");
    const tag = unique("Pagetag");
    for (let i = 0; i < 3; i++) await newSource({ title: `${tag} report ${i}`, kind: "news_report" });
    await newSource({ title: `${tag} post`, kind: "social_post" });
    const all = await agent.get(`/sources?q=${encodeURIComponent(tag.toUpperCase())}`).expect(200);
    expect(all.text.match(/<tr>/g)?.length).toBe(5); // header row + 4
    const posts = await agent.get(`/sources?q=${encodeURIComponent(tag)}&kind=social_post`).expect(200);
    expect(posts.text).toContain(`${tag} post`);
    expect(posts.text).not.toContain(`${tag} report`);
    const first = await agent.get(`/sources?q=${encodeURIComponent(tag)}&limit=3`).expect(200);
    const next = /href="(\/sources\?[^"]*cursor=[^"]+)" rel="next"/.exec(first.text)?.[1];
    expect(next).toBeDefined();
    const second = await agent.get(next!.replaceAll("&amp;", "&")).expect(200);
    expect(second.text).toContain(`${tag} report 0`);
    expect(second.text).not.toContain(`${tag} post`);
    expect(second.text).not.toContain('rel="next"');
  });

  it("GET /sources/:id answers 404 for an unknown or malformed id", async () => {
    const { agent } = await t.signIn("viewer");
    await agent.get("/sources/999999").expect(404);
    await agent.get("/sources/abc").expect(404);
  });
});

describe("claims citing a source", () => {
  it("GET /api/sources/:id, the source page and the index list the claims that cite it", async () => {
    const source = await newSource();
    const claim = await api()
      .post("/api/claims", { statement: unique("The board fired the CEO"), confidence: 80 })
      .expect(201);
    await api().post(`/api/claims/${claim.body.id}/evidence`, { sourceId: source.id, stance: "supports", quote: "Le conseil a licencié" }).expect(201);
    await api().post(`/api/claims/${claim.body.id}/evidence`, { sourceId: source.id, stance: "mentions", quote: "second passage" }).expect(201);

    const res = await api().get(`/api/sources/${source.id}`).expect(200);
    // newest evidence first
    expect(res.body.claims).toEqual([
      { id: claim.body.id, statement: claim.body.statement, status: "unverified", stance: "mentions", quote: "second passage", language: null },
      { id: claim.body.id, statement: claim.body.statement, status: "unverified", stance: "supports", quote: "Le conseil a licencié", language: null },
    ]);
    expect(res.body.claimCount).toBe(2);

    const { agent } = await t.signIn("viewer");
    const page = await agent.get(`/sources/${source.id}`).expect(200);
    expect(page.text).toContain(`href="/claims/${claim.body.id}"`);
    expect(page.text).toContain("Le conseil a licencié");
    expect(page.text).toContain("Supports");
    const list = await api()
      .get(`/api/sources?q=${encodeURIComponent(source.title)}`)
      .expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: source.id, claimCount: 1 })]);
  });

  it("a source cited more than 50 times lists its 50 newest citations, says how many there are and links to the filtered claims list", async () => {
    const source = await newSource();
    const claim = await api()
      .post("/api/claims", { statement: unique("Cited often") })
      .expect(201);
    for (let i = 0; i < 51; i++)
      await api()
        .post(`/api/claims/${claim.body.id}/evidence`, { sourceId: source.id, stance: "mentions", quote: `passage ${i}` })
        .expect(201);
    const res = await api().get(`/api/sources/${source.id}`).expect(200);
    expect(res.body.claimCount).toBe(51);
    expect((res.body.claims as { quote: string }[]).map((c) => c.quote)).toEqual(Array.from({ length: 50 }, (_, i) => `passage ${50 - i}`));
    const { agent } = await t.signIn("viewer");
    const page = (await agent.get(`/sources/${source.id}`).expect(200)).text;
    expect(page).toContain("The 50 most recent of 51 citations; the claims list has them all, with its filters.");
    expect(page).toContain(`href="/claims?source=${source.id}"`);
    expect(page).not.toContain("passage 0<");
  });
});

describe("sources API", () => {
  it("POST /api/sources answers 201 with the source and GET /api/sources/:id returns it", async () => {
    const title = unique("API source");
    const res = await api().post("/api/sources", { title, url: "https://example.org/a", publishedAt: "2023-11-21T00:00:00Z", kind: "interview" }).expect(201);
    expect(res.body).toMatchObject({
      title,
      url: "https://example.org/a",
      publishedAt: "2023-11-21T00:00:00.000Z",
      kind: "interview",
      reliability: "unknown",
      publisher: "",
      version: 1,
    });
    const got = await api().get(`/api/sources/${res.body.id}`).expect(200);
    expect(got.body).toMatchObject({ id: res.body.id, title, claims: [] });
    await api().get("/api/sources/999999").expect(404);
  });

  it("POST /api/sources with bad fields answers 422 with a message per field and writes nothing", async () => {
    const before = await counts();
    const res = await api().post("/api/sources", { title: "", url: "javascript:alert(1)", kind: "rumour", reliability: "sure" }).expect(422);
    expect(res.body.error.code).toBe("invalid");
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["kind", "reliability", "title", "url"]);
    expect(await counts()).toEqual(before);
  });

  it("PATCH /api/sources/:id updates, answers 409 on a stale version and 422 on bad input, writing nothing then", async () => {
    const source = await newSource({ author: "A. Writer" });
    const ok = await api().patch(`/api/sources/${source.id}`, { version: 1, reliability: "unreliable" }).expect(200);
    expect(ok.body).toMatchObject({ id: source.id, reliability: "unreliable", author: "A. Writer", version: 2 });

    const before = await counts();
    const stale = await api().patch(`/api/sources/${source.id}`, { version: 1, title: "Stale" }).expect(409);
    expect(stale.body.error).toMatchObject({ code: "conflict", current: { version: 2, reliability: "unreliable" } });
    expect(stale.body.error.message).toContain("you started from version 1; it is now at version 2");
    const invalid = await api().patch(`/api/sources/${source.id}`, { version: 2, url: "ftp://example.org" }).expect(422);
    expect(invalid.body.error.fields).toHaveProperty("url");
    const noVersion = await api().patch(`/api/sources/${source.id}`, { title: "No version" }).expect(422);
    expect(noVersion.body.error.fields).toHaveProperty("version");
    expect(await counts()).toEqual(before);
    expect(await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ title: source.title, version: 2 });
  });

  it("PATCH /api/sources/:id with the same values answers 200 and writes no audit event", async () => {
    const source = await newSource({ publisher: "Le Monde" });
    const before = await counts();
    const res = await api().patch(`/api/sources/${source.id}`, { version: 1, publisher: "Le Monde", title: source.title }).expect(200);
    expect(res.body.version).toBe(1);
    expect(await counts()).toEqual(before);
  });

  it("viewers get 403 from POST and PATCH /api/sources, and nothing is written", async () => {
    const viewer = await t.token("viewer");
    const source = await newSource();
    const before = await counts();
    const res = await api(viewer)
      .post("/api/sources", { title: unique("Viewer API") })
      .expect(403);
    expect(res.body.error.code).toBe("forbidden");
    await api(viewer).patch(`/api/sources/${source.id}`, { version: 1, title: "Viewer edit" }).expect(403);
    expect(await counts()).toEqual(before);
    await api(viewer).get(`/api/sources/${source.id}`).expect(200);
  });

  it("GET /api/sources pages with a cursor, without duplicates, and filters by kind and case-insensitive search", async () => {
    const tag = unique("Cursortag");
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await newSource({ title: `Item ${i}`, publisher: `${tag} press`, kind: i % 2 ? "interview" : "other" }));
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: number }[]; nextCursor: string | null } } = await api()
        .get(`/api/sources?q=${encodeURIComponent(tag.toLowerCase())}&limit=2${cursor ? `&cursor=${cursor}` : ""}`)
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((s: { id: number }) => s.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(made.map((s) => s.id).reverse());
    const interviews = await api()
      .get(`/api/sources?q=${encodeURIComponent(tag)}&kind=interview`)
      .expect(200);
    expect(interviews.body.items.map((s: { id: number }) => s.id)).toEqual([made[3]!.id, made[1]!.id]);
    await api().get("/api/sources?cursor=not-a-cursor").expect(400);
    await api().get("/api/sources?kind=rumour").expect(422);
  });

  it("GET /api/sources matches q against the author, ignoring case", async () => {
    const tag = unique("Authortag");
    const source = await newSource({ author: `${tag} Jones` });
    await newSource({ author: `${tag} Smith` });
    const res = await api()
      .get(`/api/sources?q=${encodeURIComponent(`${tag} JONES`)}`)
      .expect(200);
    expect(res.body.items.map((s: { id: number }) => s.id)).toEqual([source.id]);
  });
});
