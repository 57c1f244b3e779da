import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedIfEmpty } from "../seed/seed.ts";
import { entities as seedEntities } from "../seed/article.ts";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let token: string;
let viewer: { agent: Agent };
const auth = () => ({ Authorization: `Bearer ${token}` });

interface Item {
  id: number;
  statement: string;
  status: string;
  confidence: number;
}
const list = async (query: string) => {
  const res = await request(t.app).get(`/api/claims?${query}`).set(auth()).expect(200);
  return res.body as { items: Item[]; nextCursor: string | null; prevCursor: string | null };
};
const ids = async (query: string) => (await list(query)).items.map((c) => c.id);

async function claim(body: Record<string, unknown>) {
  return (
    await request(t.app)
      .post("/api/claims")
      .set(auth())
      .send({ confidence: 50, ...body })
      .expect(201)
  ).body as Item;
}

/** Every item of a list, following cursors. */
async function all(query: string, between?: () => Promise<void>) {
  const seen: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`${query}&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
    seen.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
    if (between) await between();
  } while (cursor);
  return seen;
}

beforeAll(async () => {
  t = await testApp();
  await seedIfEmpty(t.db);
  token = await t.token("editor");
  viewer = await t.signIn("viewer");
});
afterAll(() => t.close());

describe("alias-aware full-text search", () => {
  it("finds an entity's claims by every alias the seed knows", async () => {
    for (const e of seedEntities) {
      const entity = await t.db.entity.findFirstOrThrow({ where: { name: e.name } });
      const linked = new Set((await t.db.claimEntity.findMany({ where: { entityId: entity.id } })).map((l) => l.claimId));
      for (const alias of e.aliases) {
        const found = await ids(`q=${encodeURIComponent(alias)}&limit=100`);
        expect(found.filter((id) => linked.has(id)).length, `${alias} → ${e.name}`).toBeGreaterThan(0);
      }
    }
  });

  it("finds the text that uses an entity's other names: Ultraman finds claims saying Sam Altman", async () => {
    const c = await claim({ statement: "Sam Altman walked into the building wearing a visitor badge." });
    expect(await ids("q=Ultraman&limit=100")).toContain(c.id);
    const d = await claim({ statement: "Dario Amodei said no to the offer on the phone." });
    expect(await ids("q=Amodaiyi&limit=100")).toContain(d.id);
  });

  it("ignores accents and case, both ways", async () => {
    const c = await claim({ statement: "Une réunion s'est tenue à Pékin, selon Xinhuaquux." });
    expect(await ids("q=pekin%20xinhuaquux")).toEqual([c.id]);
    expect(await ids("q=P%C3%89KIN%20XINHUAQUUX")).toEqual([c.id]);
  });

  it("matches word beginnings: Reuni finds Réunion", async () => {
    const c = await claim({ statement: "La Réunion extraordinaire du conseil, dit Zorblatt." });
    expect(await ids("q=Reuni%20zorbl")).toEqual([c.id]);
  });

  it("searches evidence quotes and source titles too", async () => {
    const source = (await request(t.app).post("/api/sources").set(auth()).send({ title: "Gazette Plumbobquux" }).expect(201)).body;
    const c = await claim({ statement: "A claim with plain words." });
    await request(t.app)
      .post(`/api/claims/${c.id}/evidence`)
      .set(auth())
      .send({ sourceId: source.id, stance: "supports", quote: "« Le mot glorfindelquux »" })
      .expect(201);
    expect(await ids("q=plumbobquux")).toEqual([c.id]);
    expect(await ids("q=glorfindelquux")).toEqual([c.id]);
    await request(t.app).patch(`/api/sources/${source.id}`).set(auth()).send({ version: 1, title: "Gazette Renamedquux" }).expect(200);
    expect(await ids("q=plumbobquux")).toEqual([]);
    expect(await ids("q=renamedquux")).toEqual([c.id]);
  });

  it("ranks a statement match above a context match above a source-title match", async () => {
    const source = (await request(t.app).post("/api/sources").set(auth()).send({ title: "Report on vexillumquux" }).expect(201)).body;
    const inTitle = await claim({ statement: "First claim." });
    await request(t.app).post(`/api/claims/${inTitle.id}/evidence`).set(auth()).send({ sourceId: source.id, stance: "mentions" }).expect(201);
    const inContext = await claim({ statement: "Second claim.", context: "Background on vexillumquux." });
    const inStatement = await claim({ statement: "The vexillumquux was raised." });
    expect(await ids("q=vexillumquux")).toEqual([inStatement.id, inContext.id, inTitle.id]);
  });

  it("treats hostile queries as text: the API and the page answer 200, never an FTS error", async () => {
    const hostile = [
      '"',
      '""',
      "'",
      "*",
      "**",
      "a*",
      "AND",
      "OR",
      "NOT",
      "NEAR(",
      "NEAR(a b, 2)",
      "(",
      ")",
      "((a)",
      "statement:altman",
      "{statement context}: x",
      "^a",
      "a + b",
      "-a",
      "'; DROP TABLE Claim; --",
      "1=1 OR 1=1",
      "\\",
      "%",
      "_",
      "x".repeat(10_000),
      "😀",
      "🦄 altman",
      "\u0000",
      "\u202e",
      "ALTMAN AND",
      "a AND OR b",
      "<script>alert(1)</script>",
      "col:",
      ":",
      "  ",
      "中文",
      "'\"*()",
    ];
    expect(hostile.length).toBeGreaterThanOrEqual(20);
    for (const q of hostile) {
      const api = await request(t.app)
        .get(`/api/claims?q=${encodeURIComponent(q)}`)
        .set(auth());
      expect(api.status, JSON.stringify(q.slice(0, 30))).toBe(200);
      expect(Array.isArray(api.body.items)).toBe(true);
      const page = await viewer.agent.get(`/claims?q=${encodeURIComponent(q)}`);
      expect(page.status, JSON.stringify(q.slice(0, 30))).toBe(200);
    }
  });
});

/** The table row of one claim on a list page. */
const rowOf = (html: string, id: number) => html.split("<tr>").find((r) => r.includes(`href="/claims/${id}"`)) ?? "";

describe("why a claim matched", () => {
  it("GET /claims?q=Amodaiyi marks Dario Amodei in the statement and says the claim was found through an alias of Dario Amodei", async () => {
    const c = await claim({ statement: "Dario Amodei declined the board's offer by phone." });
    const row = rowOf((await viewer.agent.get("/claims?q=Amodaiyi&sort=newest").expect(200)).text, c.id);
    expect(row).toContain("<mark>Dario Amodei</mark> declined the board&#39;s offer");
    expect(row).toContain("Found through an alias of Dario Amodei.");
  });

  it("GET /claims?q=quuxsnippet+fusion marks the statement's word and shows an excerpt of the context around its match", async () => {
    const context = `${"Long background here. ".repeat(12)}Staff spoke of a Fusion with Anthropic. ${"More notes follow. ".repeat(20)}`;
    const c = await claim({ statement: "quuxsnippet: the board met on Sunday.", context });
    const row = rowOf((await viewer.agent.get("/claims?q=quuxsnippet+fusion").expect(200)).text, c.id);
    expect(row).toContain("<mark>quuxsnippet</mark>: the board met");
    expect(row).toMatch(/<p class="snippet muted">….*spoke of a <mark>Fusion<\/mark> with Anthropic.*…<\/p>/s);
    expect(row).not.toContain("Long background here. Long background here. Long background here. Long background here. Long background here.");
  });

  it("a search of only emoji or punctuation says it has no words to look for and lists nothing, on the page and the API", async () => {
    for (const q of ["🙂🎉", "!!! ---"]) {
      const page = await viewer.agent.get(`/claims?q=${encodeURIComponent(q)}`).expect(200);
      expect(page.text).toContain("Your search has no words to look for.");
      expect(page.text).not.toContain("claims-table");
      expect(page.text).toMatch(/>All <span class="count">0<\/span>/);
      expect((await list(`q=${encodeURIComponent(q)}`)).items).toEqual([]);
    }
  });

  it("GET /claims with the filter form's empty fields redirects (302) to the address without them", async () => {
    const res = await viewer.agent.get("/claims?q=Ultraman&state=&sort=&minConfidence=&status=rumored&needsReview=").expect(302);
    expect(res.headers.location).toBe("/claims?q=Ultraman&status=rumored");
    expect((await viewer.agent.get("/claims?q=&status=").expect(302)).headers.location).toBe("/claims");
    await viewer.agent.get("/claims?q=Ultraman&status=rumored").expect(200);
  });
});

describe("filters", () => {
  const tag = "quuxfilter";
  let a: Item, b: Item, c: Item, d: Item;
  let altmanId: number;
  let sourceId: number;

  beforeAll(async () => {
    altmanId = (await t.db.entity.findFirstOrThrow({ where: { name: "Sam Altman" } })).id;
    sourceId = (await request(t.app).post("/api/sources").set(auth()).send({ title: "Filter source" }).expect(201)).body.id;
    a = await claim({ statement: `${tag} a`, status: "rumored", confidence: 20, occurredAt: "2023-11-17T20:00:00Z", entityIds: [altmanId] });
    b = await claim({ statement: `${tag} b`, status: "unverified", confidence: 60, occurredAt: "2023-11-20T06:00:00Z" });
    c = await claim({ statement: `${tag} c`, status: "rumored", confidence: 90 });
    d = await claim({ statement: `${tag} d`, status: "unverified", confidence: 40, occurredAt: "2023-11-21T10:00:00Z", entityIds: [altmanId] });
    await request(t.app).post(`/api/claims/${d.id}/evidence`).set(auth()).send({ sourceId, stance: "supports" }).expect(201);
    await request(t.app)
      .post(`/api/claims/${d.id}/resolution`)
      .set(auth())
      .send({ outcome: "confirmed", note: "Yes.", sourceIds: [sourceId] })
      .expect(200);
  });

  const set = async (query: string) => (await ids(`q=${tag}&limit=100&${query}`)).sort((x, y) => x - y);
  const sorted = (...items: Item[]) => items.map((i) => i.id).sort((x, y) => x - y);

  it("each filter alone narrows to exactly its claims", async () => {
    expect(await set("status=rumored")).toEqual(sorted(a, c));
    expect(await set("status=rumored&status=confirmed")).toEqual(sorted(a, c, d));
    expect(await set("status=rumored,unverified")).toEqual(sorted(a, b, c));
    expect(await set("state=open")).toEqual(sorted(a, b, c));
    expect(await set("state=resolved")).toEqual(sorted(d));
    expect(await set(`entity=${altmanId}`)).toEqual(sorted(a, d));
    expect(await set(`source=${sourceId}`)).toEqual(sorted(d));
    expect(await set("minConfidence=50")).toEqual(sorted(b, c));
    expect(await set("maxConfidence=40")).toEqual(sorted(a, d));
    expect(await set("occurredFrom=2023-11-18")).toEqual(sorted(b, d));
    expect(await set("occurredTo=2023-11-20")).toEqual(sorted(a, b));
    expect(await set("occurredFrom=2023-11-20&occurredTo=2023-11-20")).toEqual(sorted(b));
  });

  it("filters combine with each other and with search", async () => {
    expect(await set(`state=open&entity=${altmanId}`)).toEqual(sorted(a));
    expect(await set("status=rumored&minConfidence=50")).toEqual(sorted(c));
    expect(await set("occurredFrom=2023-11-17&occurredTo=2023-11-21&maxConfidence=50")).toEqual(sorted(a, d));
    expect(await ids(`q=${tag}%20Ultraman&limit=100`)).toEqual(expect.arrayContaining([a.id, d.id]));
    expect((await ids(`q=${tag}%20Ultraman&limit=100`)).sort((x, y) => x - y)).toEqual(sorted(a, d));
  });

  it("sorts by newest, oldest, occurred (undated last) and confidence", async () => {
    expect(await ids(`q=${tag}&sort=newest`)).toEqual([d.id, c.id, b.id, a.id]);
    expect(await ids(`q=${tag}&sort=oldest`)).toEqual([a.id, b.id, c.id, d.id]);
    expect(await ids(`q=${tag}&sort=occurred`)).toEqual([a.id, b.id, d.id, c.id]);
    expect(await ids(`q=${tag}&sort=confidence`)).toEqual([c.id, b.id, d.id, a.id]);
  });

  it("the page names the entity and source it filters on, each with a link that removes it", async () => {
    const page = await viewer.agent.get(`/claims?q=${tag}&entity=${altmanId}&source=${sourceId}`).expect(200);
    expect(page.text).toContain("About <strong>Sam Altman</strong>");
    expect(page.text).toContain("Citing <strong>Filter source</strong>");
    expect(page.text).toContain(`href="/claims?q=${tag}&amp;source=${sourceId}" aria-label="Remove the filter on Sam Altman"`);
    // the search's word is marked in each statement found
    expect(page.text).toContain(`<mark>${tag}</mark> d<`);
    expect(page.text).not.toContain(`<mark>${tag}</mark> a<`);
  });

  it("the page and the API take the same filters from the URL", async () => {
    const page = await viewer.agent.get(`/claims?q=${tag}&status=rumored&minConfidence=50`).expect(200);
    expect(page.text).toContain(`<mark>${tag}</mark> c<`);
    expect(page.text).not.toContain(`<mark>${tag}</mark> a<`);
    expect(page.text).toContain('name="minConfidence" type="number" min="0" max="100" value="50"');
  });

  it("invalid filters answer 422 with the field named, on the API and the page", async () => {
    const res = await request(t.app).get("/api/claims?status=maybe&occurredFrom=2023-02-30&sort=random").set(auth()).expect(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["occurredFrom", "sort", "status"]);
    const range = await request(t.app).get("/api/claims?minConfidence=80&maxConfidence=10").set(auth()).expect(422);
    expect(range.body.error.fields.maxConfidence).toBe("The highest confidence must not be below the lowest.");
    const page = await viewer.agent.get("/claims?occurredFrom=yesterday").expect(422);
    expect(page.text).toContain("Must be a date, e.g. 2023-11-20.");
  });
});

describe("dates at the edges", () => {
  it("a date-only bound includes claims at that day's midnight, and the occurred sort pages through equal times", async () => {
    const tag = "quuxmidnight";
    const at = "2023-11-20T00:00:00Z";
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await claim({ statement: `${tag} ${i}`, occurredAt: at })).id);
    expect((await ids(`q=${tag}&occurredFrom=2023-11-20&limit=100`)).length).toBe(5);
    expect((await ids(`q=${tag}&occurredTo=2023-11-20&limit=100`)).length).toBe(5);
    expect(await ids(`q=${tag}&occurredFrom=2023-11-21&limit=100`)).toEqual([]);
    expect(await all(`q=${tag}&sort=occurred`)).toEqual(made);
  });
});

describe("keyset pagination", () => {
  it("pages without duplicates or gaps while claims are added between requests, for every sort", async () => {
    const tag = "quuxpaging";
    for (let i = 0; i < 10; i++)
      await claim({ statement: `${tag} ${i}`, confidence: (i * 37) % 100, occurredAt: i % 3 ? `2023-11-${10 + i}T00:00:00Z` : null });
    for (const sort of ["newest", "oldest", "occurred", "confidence"]) {
      const before = new Set((await t.db.claim.findMany({ where: { statement: { startsWith: tag } }, select: { id: true } })).map((c) => c.id));
      let n = 0;
      const seen = await all(`q=${tag}&sort=${sort}`, async () => void (await claim({ statement: `${tag} added ${sort} ${n++}`, confidence: 50 })));
      expect(new Set(seen).size, sort).toBe(seen.length);
      for (const id of before) expect(seen, `${sort} skipped ${id}`).toContain(id);
    }
  });

  it("walks back with prevCursor and before through the same pages, for every sort, relevance included", async () => {
    const tag = "quuxbackward";
    for (let i = 0; i < 8; i++) {
      await claim({
        statement: `${tag} ${i}${i % 2 ? ` ${tag}` : ""}`,
        context: i % 3 ? `about ${tag}` : "",
        confidence: (i * 29) % 100,
        occurredAt: i % 3 ? `2023-11-${10 + (i % 2)}T00:00:00Z` : null,
      });
    }
    for (const sort of ["newest", "oldest", "occurred", "confidence", "relevance"]) {
      const forward: { items: number[]; prev: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`q=${tag}&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
        forward.push({ items: page.items.map((c) => c.id), prev: page.prevCursor });
        cursor = page.nextCursor;
      } while (cursor);
      expect(
        forward.map((p) => p.items.length),
        sort,
      ).toEqual([3, 3, 2]);
      expect(forward[0]!.prev, sort).toBeNull();
      const back: number[][] = [];
      let before = forward[forward.length - 1]!.prev;
      while (before) {
        const page = await list(`q=${tag}&sort=${sort}&limit=3&before=${before}`);
        expect(page.nextCursor, sort).not.toBeNull();
        back.unshift(page.items.map((c) => c.id));
        before = page.prevCursor;
      }
      expect(back, sort).toEqual(forward.slice(0, -1).map((p) => p.items));
    }
  });

  it("the claims page links to the previous page; cursor and before together answer 422, a before that is not ours 400", async () => {
    const first = await list("sort=oldest&limit=2");
    const second = await viewer.agent.get(`/claims?sort=oldest&limit=2&cursor=${first.nextCursor}`).expect(200);
    const prev = /href="\/claims\?([^"]+)" rel="prev">Previous page</.exec(second.text);
    expect(prev).not.toBeNull();
    const back = await viewer.agent.get(`/claims?${prev![1]!.replaceAll("&amp;", "&")}`).expect(200);
    for (const c of first.items) expect(back.text).toContain(`href="/claims/${c.id}"`);
    expect(back.text).not.toContain('rel="prev"');
    const both = await request(t.app).get(`/api/claims?sort=oldest&cursor=${first.nextCursor}&before=${first.nextCursor}`).set(auth()).expect(422);
    expect(both.body.error.fields.before).toMatch(/not both/);
    await request(t.app).get("/api/claims?before=bm90LWEtY3Vyc29y").set(auth()).expect(400);
  });

  it("refuses a cursor from another sort with 400", async () => {
    const first = await list("sort=confidence&limit=1");
    await request(t.app).get(`/api/claims?sort=newest&cursor=${first.nextCursor}`).set(auth()).expect(400);
  });
});
