import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillUrlKeys } from "../src/sources/sources.service.ts";
import { IMPORT, importLedger } from "../src/transfer/import.service.ts";
import { textChunks } from "../src/transfer/import.read.ts";
import { bearer, testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let token: string;
let editor: { agent: Agent; csrf: string };
let altman: { id: number };
let letter: { id: number };
const api = () => bearer(t.app, token);

const LETTER = "https://www.wired.com/story/openai-letter/?id=7&b=2";

beforeAll(async () => {
  t = await testApp();
  token = await t.token("editor");
  editor = await t.signIn("editor");
  altman = (
    await api()
      .post("/api/entities", { name: "Sam Altman", kind: "person", aliases: ["Ultraman"] })
      .expect(201)
  ).body;
  letter = (await api().post("/api/sources", { title: "The employees' letter", url: LETTER }).expect(201)).body;
});
afterAll(() => t.close());

const counts = async () => ({ entities: await t.db.entity.count(), sources: await t.db.source.count(), events: await t.db.auditEvent.count() });

describe("duplicate entities", () => {
  it("POST /api/entities with a name or alias another entity has, whatever its case, accents and spacing, answers 409 duplicate naming it and writes nothing", async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: "ultraman" }, "Ultraman"],
      [{ name: "Sam Altman " }, "Sam Altman"],
      [{ name: "SAM  ÁLTMAN" }, "Sam Altman"],
      [{ name: "SamAltman" }, "Sam Altman"],
      [{ name: "S. Altman", aliases: ["Ultra man"] }, "Ultraman"],
    ];
    for (const [body, matched] of cases) {
      const res = await api()
        .post("/api/entities", { kind: "person", ...body })
        .expect(409);
      expect(res.body.error, JSON.stringify(body)).toEqual({
        code: "duplicate",
        message: `Sam Altman (entity #${altman.id}) already has the name or alias “${matched}”. Nothing was saved; send confirmDuplicate: true to save it anyway.`,
        existing: { id: altman.id, name: "Sam Altman", url: `/entities/${altman.id}`, matched },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("with confirmDuplicate: true the entity is created, and its entity.create event says which entity it resembles", async () => {
    const res = await api().post("/api/entities", { name: "ultraman", kind: "organization", confirmDuplicate: true }).expect(201);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "entity.create", subjectId: res.body.id } });
    expect(event.reason).toBe(`Saved although Sam Altman (entity #${altman.id}) has the name or alias “Ultraman”.`);
    const bad = await api().post("/api/entities", { name: "Ultraman", kind: "person", confirmDuplicate: "maybe" }).expect(422);
    expect(bad.body.error.fields).toEqual({ confirmDuplicate: "confirmDuplicate must be true or false." });
  });

  it("PATCH /api/entities/:id giving an entity another's alias answers 409 duplicate; its own spellings are not checked again", async () => {
    const shear = (
      await api()
        .post("/api/entities", { name: "Emmett Shear", kind: "person", aliases: ["Hill"] })
        .expect(201)
    ).body;
    const res = await api()
      .patch(`/api/entities/${shear.id}`, { version: shear.version, aliases: ["Hill", "ULTRAMAN"] })
      .expect(409);
    expect(res.body.error.existing).toMatchObject({ id: altman.id, matched: "Ultraman" });
    const edited = await api().patch(`/api/entities/${shear.id}`, { version: shear.version, description: "Interim CEO." }).expect(200);
    await api()
      .patch(`/api/entities/${shear.id}`, { version: edited.body.version, aliases: ["Hill", "ULTRAMAN"], confirmDuplicate: true })
      .expect(200);
  });

  it("the new-entity form shows the entity it looks like, linked, keeps the input, and adds it once the box is ticked", async () => {
    const form = { _csrf: editor.csrf, name: "Ultraman", kind: "person", aliases: "Altman's alias", description: "From the French piece." };
    const page = await editor.agent.post("/entities").type("form").send(form).expect(409);
    expect(page.text).toContain(`“Ultraman” is already a name or alias of <a href="/entities/${altman.id}" target="_blank" rel="noopener">Sam Altman</a>`);
    expect(page.text).toContain('name="confirmDuplicate" value="1"');
    expect(page.text).toContain("From the French piece.");
    expect(page.text).toContain("Altman&#39;s alias");
    const done = await editor.agent
      .post("/entities")
      .type("form")
      .send({ ...form, confirmDuplicate: "1" })
      .expect(302);
    expect(done.headers.location).toMatch(/^\/entities\/\d+$/);
  });
});

describe("duplicate sources", () => {
  it("POST /api/sources with an address another source has, once normalised, answers 409 duplicate naming it and writes nothing", async () => {
    const before = await counts();
    const variants = [
      LETTER,
      "HTTPS://WIRED.COM/story/openai-letter?b=2&id=7",
      "http://wired.com:80/story/openai-letter?id=7&b=2#comments",
      "https://www.wired.com:443/story/openai-letter/?b=2&utm_source=x&utm_medium=y&id=7&fbclid=abc&gclid=def",
    ];
    for (const url of variants) {
      const res = await api().post("/api/sources", { title: "Copy", url }).expect(409);
      expect(res.body.error, url).toMatchObject({
        code: "duplicate",
        existing: { id: letter.id, title: "The employees' letter", url: `/sources/${letter.id}`, matched: LETTER },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("another path case, other parameters or no address at all are not duplicates; confirmDuplicate adds one that is", async () => {
    for (const url of ["https://wired.com/story/OpenAI-Letter?id=7&b=2", "https://wired.com/story/openai-letter?id=8&b=2", null]) {
      await api().post("/api/sources", { title: "Another", url }).expect(201);
    }
    await api().post("/api/sources", { title: "No address" }).expect(201);
    const copy = await api().post("/api/sources", { title: "Copy", url: LETTER, confirmDuplicate: true }).expect(201);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "source.create", subjectId: copy.body.id } });
    expect(event.reason).toBe(`Saved although source #${letter.id} has the same address.`);
  });

  it("PATCH /api/sources/:id to an address another source has answers 409 duplicate and changes nothing", async () => {
    const other = (await api().post("/api/sources", { title: "Elsewhere", url: "https://example.org/elsewhere" }).expect(201)).body;
    const res = await api().patch(`/api/sources/${other.id}`, { version: 1, url: "https://wired.com/story/openai-letter?id=7&b=2" }).expect(409);
    expect(res.body.error.existing.id).toBe(letter.id);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: other.id } })).url).toBe("https://example.org/elsewhere");
  });

  it("the new-source form links to the source with that address, keeps the input, and adds it once the box is ticked", async () => {
    const form = {
      _csrf: editor.csrf,
      title: "Letter, again",
      publisher: "Wired",
      url: "https://wired.com/story/openai-letter?b=2&id=7",
      kind: "document",
      reliability: "mixed",
    };
    const page = await editor.agent.post("/sources").type("form").send(form).expect(409);
    expect(page.text).toContain(
      `<a href="/sources/${letter.id}" target="_blank" rel="noopener">The employees&#39; letter</a> (opens in a new tab) already has this address`,
    );
    expect(page.text).toContain('name="confirmDuplicate" value="1"');
    expect(page.text).toContain('value="Letter, again"');
    await editor.agent
      .post("/sources")
      .type("form")
      .send({ ...form, confirmDuplicate: "1" })
      .expect(302);
  });

  it("sources written without the key (raw SQL, or before the migration) get it at start, and are then found", async () => {
    await t.db.$executeRaw`INSERT INTO "Source" (title, url, "updatedAt") VALUES ('Raw', 'https://raw.example.org/Page/', CURRENT_TIMESTAMP)`;
    await api().post("/api/sources", { title: "Before the backfill", url: "https://raw.example.org/Page" }).expect(201);
    expect(await backfillUrlKeys(t.db)).toBe(1);
    expect(await backfillUrlKeys(t.db)).toBe(0);
    await api().post("/api/sources", { title: "After the backfill", url: "https://RAW.example.org/Page" }).expect(409);
  });
});

describe("the import and duplicates", () => {
  it("a file holding duplicates imports whole, as an export into an empty ledger must; its sources are then found by the check", async () => {
    const target = await testApp();
    try {
      const file = {
        format: "claimtrack-export",
        version: 1,
        claims: [],
        sources: [
          { id: 1, title: "A", url: "https://example.org/a" },
          { id: 2, title: "A again", url: "https://www.example.org/a/" },
        ],
        entities: [
          { id: 1, name: "Sam Altman", kind: "person", aliases: ["Ultraman"] },
          { id: 2, name: "ultraman", kind: "person" },
        ],
      };
      expect(await importLedger(target.db, textChunks(JSON.stringify(file)), "json", IMPORT)).toMatchObject({ sources: 2, entities: 2 });
      const tok = await target.token("editor");
      const res = await bearer(target.app, tok).post("/api/sources", { title: "A third time", url: "http://example.org/a" }).expect(409);
      expect(res.body.error.existing.title).toBe("A");
    } finally {
      await target.close();
    }
  });
});

describe("similar claims on the new-claim form", () => {
  it("the form's Check for similar claims lists the claims sharing the statement's telling words, most alike first, keeps the input and saves nothing", async () => {
    const claim = async (statement: string) => (await api().post("/api/claims", { statement }).expect(201)).body as { id: number };
    const fired = await claim("The board removed Sam Altman as chief executive.");
    const back = await claim("Sam Altman returned as chief executive of OpenAI.");
    await claim("Microsoft hired the researchers.");
    await claim("The weather in Paris was mild.");
    expect((await editor.agent.get("/claims/new").expect(200)).text).toContain('formaction="/claims/similar"');
    const before = await t.db.claim.count();
    const form = { _csrf: editor.csrf, statement: "Did the board remove Altman as chief executive?", context: "Typed before saving.", confidence: "70" };
    const page = await editor.agent.post("/claims/similar").type("form").send(form).expect(200);
    const list = page.text.slice(page.text.indexOf('class="similar-list"'), page.text.indexOf("</ul>", page.text.indexOf('class="similar-list"')));
    const listed = [...list.matchAll(/href="\/claims\/(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toEqual([fired.id, back.id]);
    expect(page.text).toContain("Typed before saving.");
    expect(page.text).toContain('value="70"');
    expect(await t.db.claim.count()).toBe(before);
  });

  it("a statement sharing no telling word says so; an empty one is asked for (422)", async () => {
    const none = await editor.agent.post("/claims/similar").type("form").send({ _csrf: editor.csrf, statement: "Zebras paint murals." }).expect(200);
    expect(none.text).toContain("No claim in the ledger shares the telling words of this statement.");
    const empty = await editor.agent.post("/claims/similar").type("form").send({ _csrf: editor.csrf, statement: " " }).expect(422);
    expect(empty.text).toContain("Type the statement first: similar claims are found by its words.");
  });
});
