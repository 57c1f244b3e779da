import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let editor: { agent: Agent; csrf: string };
let api: ReturnType<typeof bearer>;

const form = (path: string, body: Record<string, string>) =>
  editor.agent
    .post(path)
    .type("form")
    .send({ _csrf: editor.csrf, ...body });
const rows = async () => [await t.db.claim.count(), await t.db.auditEvent.count()];

beforeAll(async () => {
  t = await testApp();
  editor = await t.signIn("editor");
  api = bearer(t.app, await t.token("editor"));
});
afterAll(() => t.close());

describe("entering a claim's time as the source says it", () => {
  it("POST /claims with the evening of 16 Nov in San Francisco stores its middle in UTC, and the page says the evening, not a minute", async () => {
    const res = await form("/claims", {
      statement: "Sutskever texted Altman.",
      occurredZone: "America/Los_Angeles",
      occurredDate: "2023-11-16",
      occurredPrecision: "evening",
      occurredTime: "",
      occurredAtText: "Dans la soirée du 16 novembre, heure locale",
    }).expect(302);
    const id = Number(res.headers.location!.split("/").pop());
    expect(await t.db.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({
      occurredAt: new Date("2023-11-17T05:00:00Z"),
      occurredPrecision: "evening",
      occurredZone: "America/Los_Angeles",
    });
    const page = await editor.agent.get(`/claims/${id}`).expect(200);
    expect(page.text).toContain("evening of 16 Nov 2023 (San Francisco)");
    expect(page.text).not.toContain("05:00");
    const edit = await editor.agent.get(`/claims/${id}/edit`).expect(200);
    expect(edit.text).toContain('name="occurredDate" inputmode="numeric" placeholder="2023-11-16" autocomplete="off" value="2023-11-16"');
    expect(edit.text).toContain('<option value="evening" selected>');
    expect(edit.text).toContain('value="America/Los_Angeles"');
    expect(edit.text).not.toContain("datetime-local");
  });

  it("a time in Beijing through the form is converted server-side; the page gives it in Beijing and in UTC", async () => {
    const res = await form("/claims", {
      statement: "Shear named.",
      occurredZone: "Beijing",
      occurredDate: "2023-11-20",
      occurredPrecision: "instant",
      occurredTime: "14:00",
    }).expect(302);
    const id = Number(res.headers.location!.split("/").pop());
    expect(await t.db.claim.findUniqueOrThrow({ where: { id } })).toMatchObject({
      occurredAt: new Date("2023-11-20T06:00:00Z"),
      occurredZone: "Asia/Shanghai",
    });
    const page = await editor.agent.get(`/claims/${id}`).expect(200);
    expect(page.text).toContain("20 Nov 2023, 14:00 (Beijing)");
    expect(page.text).toContain("20 Nov 2023, 06:00 UTC");
  });

  it("POST /claims with 2023-02-30 answers 422 with the message beside the date, keeps the input and writes nothing", async () => {
    const before = await rows();
    const page = await form("/claims", {
      statement: "Impossible.",
      occurredZone: "UTC",
      occurredDate: "2023-02-30",
      occurredPrecision: "instant",
      occurredTime: "10:00",
    }).expect(422);
    expect(page.text).toContain('<p class="field-error" id="error-occurredDate">Must be a real calendar date');
    expect(page.text).toContain('value="2023-02-30"');
    expect(await rows()).toEqual(before);
  });

  it("POST /api/claims refuses 2023-02-30 as occurredAt or occurredDate, and an unknown zone, with 422 and writes nothing", async () => {
    const before = await rows();
    for (const body of [{ occurredAt: "2023-02-30T10:00" }, { occurredAt: "2023-02-30T10:00:00Z" }]) {
      const res = await api.post("/api/claims", { statement: "Impossible.", ...body }).expect(422);
      expect(res.body.error.fields.occurredAt).toMatch(/Must be a date and time/);
    }
    const date = await api.post("/api/claims", { statement: "Impossible.", occurredDate: "2023-02-30", occurredPrecision: "day" }).expect(422);
    expect(date.body.error.fields.occurredDate).toMatch(/real calendar date/);
    const zone = await api.post("/api/claims", { statement: "Nowhere.", occurredDate: "2023-11-20", occurredZone: "Mars/Olympus_Mons" }).expect(422);
    expect(zone.body.error).toMatchObject({
      code: expect.any(String),
      fields: { occurredZone: expect.stringMatching(/“Mars\/Olympus_Mons” is not a time zone/) },
    });
    expect(await rows()).toEqual(before);
  });

  it("the API exposes the precision and the zone, takes the date form and the ISO form, and records them in the audit", async () => {
    const made = await api
      .post("/api/claims", { statement: "The letter.", occurredDate: "2023-11-20", occurredPrecision: "evening", occurredZone: "Asia/Shanghai" })
      .expect(201);
    expect(made.body).toMatchObject({ occurredAt: "2023-11-20T13:00:00.000Z", occurredPrecision: "evening", occurredZone: "Asia/Shanghai", warnings: [] });
    const got = await api.get(`/api/claims/${made.body.id}`).expect(200);
    expect(got.body).toMatchObject({ occurredPrecision: "evening", occurredZone: "Asia/Shanghai" });
    const listed = await api.get("/api/claims?q=letter").expect(200);
    expect(listed.body.items.find((c: { id: number }) => c.id === made.body.id)).toMatchObject({ occurredPrecision: "evening", occurredZone: "Asia/Shanghai" });

    const patched = await api
      .patch(`/api/claims/${made.body.id}`, { version: 1, occurredAt: "2023-11-20T21:30:00+08:00", occurredZone: "Asia/Shanghai" })
      .expect(200);
    expect(patched.body).toMatchObject({ occurredAt: "2023-11-20T13:30:00.000Z", occurredPrecision: "instant", version: 2 });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { subjectId: made.body.id, action: "claim.update" } });
    expect(JSON.parse(event.changes)).toEqual({
      occurredAt: ["2023-11-20T13:00:00.000Z", "2023-11-20T13:30:00.000Z"],
      occurredPrecision: ["evening", "instant"],
    });
  });
});

describe("a first report before the event", () => {
  it("POST /api/claims saves it and answers 201 with a warning; PATCH that fixes it answers no warning", async () => {
    const res = await api
      .post("/api/claims", {
        statement: "Reported early.",
        occurredDate: "2023-11-20",
        occurredPrecision: "evening",
        occurredZone: "Asia/Shanghai",
        firstReportedAt: "2023-11-20T00:00:00Z",
      })
      .expect(201);
    expect(res.body.warnings).toEqual([
      "It was first reported on 20 Nov 2023, 08:00 (Beijing), before it occurred: evening of 20 Nov 2023 (Beijing). The claim is saved; check both times.",
    ]);
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({ firstReportedAt: new Date("2023-11-20T00:00:00Z") });
    const fixed = await api.patch(`/api/claims/${res.body.id}`, { version: 1, firstReportedAt: "2023-11-20T15:00:00Z" }).expect(200);
    expect(fixed.body.warnings).toEqual([]);
  });

  it("the form saves it too and the claim's page says so after the redirect", async () => {
    const res = await form("/claims", {
      statement: "Reported early, by form.",
      occurredZone: "Asia/Shanghai",
      occurredDate: "2023-11-20",
      occurredPrecision: "evening",
      occurredTime: "",
      firstReportedAt: "2023-11-20 08:00",
    }).expect(302);
    const page = await editor.agent.get(res.headers.location!).expect(200);
    expect(page.text).toContain(
      '<p class="flash flash-info" role="status">It was first reported on 20 Nov 2023, 08:00 (Beijing), before it occurred: evening of 20 Nov 2023 (Beijing).',
    );
  });
});
