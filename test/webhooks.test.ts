// Webhooks (issue 12, point 5): registration and its rules, through the API
// and the pages. Their deliveries are in webhook-deliveries.test.ts.
import { tmpdir } from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, csrfFrom, testApp, type Agent, type TestApp } from "./helpers/app.ts";
import { loadConfig } from "../src/config.ts";

let open: TestApp; // WEBHOOKS_ALLOW_PRIVATE=1, as the tests of deliveries need
let strict: TestApp; // the default: private targets refused
let admin: string;
let strictAdmin: string;
let editor: string;
let viewer: string;
let browser: { agent: Agent; csrf: string; email: string; id: number };

const api = (t: TestApp, token: string) => bearer(t.app, token);
const register = (body: object, t = open, token = admin) => api(t, token).post("/api/webhooks", body);

beforeAll(async () => {
  [open, strict] = await Promise.all([testApp({ env: { WEBHOOKS_ALLOW_PRIVATE: "1" } }), testApp()]);
  [admin, editor, viewer, strictAdmin] = await Promise.all([open.token("admin"), open.token("editor"), open.token("viewer"), strict.token("admin")]);
  browser = await open.signIn("admin");
});
afterAll(() => Promise.all([open.close(), strict.close()]));

describe("registering a webhook through the API", () => {
  it("POST /api/webhooks answers 201 with the generated secret once; GET lists it without its secret", async () => {
    const res = await register({ url: "http://127.0.0.1:9/hook", actions: ["claim.resolve"] }).expect(201);
    expect(res.body).toMatchObject({ url: "http://127.0.0.1:9/hook", actions: ["claim.resolve"], format: "json", active: true, version: 1 });
    expect(res.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const list = await api(open, admin).get("/api/webhooks").expect(200);
    const listed = list.body.items.find((w: { id: number }) => w.id === res.body.id);
    expect(listed).toMatchObject({ url: "http://127.0.0.1:9/hook", lastDelivery: null });
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    const one = await api(open, admin).get(`/api/webhooks/${res.body.id}`).expect(200);
    expect(one.body.secret).toBeUndefined();
  });

  it("keeps a given secret, and the audit event records that one was set, never its value", async () => {
    const secret = "a-secret-the-receiver-knows-42";
    const res = await register({ url: "http://127.0.0.1:9/given", actions: ["*"], secret, format: "slack", description: "Desk chat" }).expect(201);
    expect(res.body).toMatchObject({ secret, actions: ["*"], format: "slack", description: "Desk chat" });
    const stored = await open.db.webhook.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored.secret).toBe(secret);
    const event = await open.db.auditEvent.findFirstOrThrow({ where: { action: "webhook.create", subjectType: "webhook", subjectId: res.body.id } });
    expect(JSON.parse(event.changes)).toMatchObject({ url: [null, "http://127.0.0.1:9/…"], actions: [null, ["*"]], secret: [null, "hidden"] });
    expect(event.changes).not.toContain(secret);
  });

  it("is for admins only: an editor's and a viewer's calls answer 403, and nothing is written", async () => {
    const before = await open.db.webhook.count();
    await register({ url: "http://127.0.0.1:9/x", actions: ["*"] }, open, editor).expect(403);
    await api(open, viewer).get("/api/webhooks").expect(403);
    await api(open, editor).get("/api/webhooks").expect(403);
    await api(open, editor).get("/api/webhooks/1/deliveries").expect(403);
    await api(open, editor).post("/api/webhooks/1/deliveries/1/retry", {}).expect(403);
    expect(await open.db.webhook.count()).toBe(before);
    await request(open.app).get("/api/webhooks").expect(401);
  });

  it("answers 422 on actions for an unknown action name, none at all, or not a list; on url for a non-web address; on format and secret", async () => {
    const bad = async (body: object, field: string) => {
      const res = await register({ url: "http://127.0.0.1:9/x", actions: ["claim.resolve"], ...body }).expect(422);
      expect(Object.keys(res.body.error.fields)).toContain(field);
      return res.body.error.fields[field] as string;
    };
    expect(await bad({ actions: ["claim.resolve", "claim.explode"] }, "actions")).toBe("Not an audit action: claim.explode.");
    await bad({ actions: [] }, "actions");
    await bad({ actions: "claim.resolve" }, "actions");
    await bad({ actions: [7] }, "actions");
    await bad({ url: "ftp://example.org/x" }, "url");
    await bad({ url: "not a url" }, "url");
    await bad({ format: "xml" }, "format");
    await bad({ secret: "short" }, "secret");
  });
});

describe("the private-address rule", () => {
  const refused = [
    "http://127.0.0.1/hook",
    "http://127.1.2.3:8080/hook",
    "http://localhost:3000/hook",
    "http://LOCALHOST./hook",
    "http://app.localhost/hook",
    "http://10.1.2.3/hook",
    "http://172.16.0.1/hook",
    "http://192.168.1.20/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://100.64.0.1/hook",
    "http://0.0.0.0/hook",
    "http://224.0.0.1/hook",
    "http://255.255.255.255/hook",
    "http://[::1]/hook",
    "http://[::]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[::ffff:10.0.0.1]/hook",
    "http://[fe80::1]/hook",
    "http://[fd12:3456::1]/hook",
    "http://[ff02::1]/hook",
    "http://2130706433/hook", // 127.0.0.1 as one number: the URL parser reads it as such
    "http://0x7f.1/hook",
  ];

  it.each(refused)("refuses %s with 422 on url, without WEBHOOKS_ALLOW_PRIVATE", async (url) => {
    const res = await register({ url, actions: ["*"] }, strict, strictAdmin).expect(422);
    expect(res.body.error.fields.url).toMatch(/private, loopback or local network address/);
  });

  it("accepts a public address", async () => {
    await register({ url: "https://93.184.215.14/hooks/claimtrack", actions: ["*"] }, strict, strictAdmin).expect(201);
    await register({ url: "http://[2606:4700:4700::1111]/hook", actions: ["*"] }, strict, strictAdmin).expect(201);
  });

  it("refuses an edit to a private address too, and keeps the old one", async () => {
    const { body } = await register({ url: "https://93.184.215.14/a", actions: ["*"] }, strict, strictAdmin).expect(201);
    await api(strict, strictAdmin).patch(`/api/webhooks/${body.id}`, { url: "http://[::ffff:7f00:1]/b", version: 1 }).expect(422);
    expect((await api(strict, strictAdmin).get(`/api/webhooks/${body.id}`).expect(200)).body.url).toBe("https://93.184.215.14/a");
  });

  it("WEBHOOKS_ALLOW_PRIVATE is 0 (the default) or 1; any other value stops the start, naming it", () => {
    // a file in the temporary folder: loadConfig makes the database's folder
    const env = {
      NODE_ENV: "test",
      DATABASE_URL: `file:${path.join(tmpdir(), "claimtrack-config-check", "unused.db")}`,
      SESSION_SECRET: "x".repeat(40),
    } as const;
    expect(loadConfig(env).webhooksAllowPrivate).toBe(false);
    expect(loadConfig({ ...env, WEBHOOKS_ALLOW_PRIVATE: "1" }).webhooksAllowPrivate).toBe(true);
    expect(() => loadConfig({ ...env, WEBHOOKS_ALLOW_PRIVATE: "yes" })).toThrow(/WEBHOOKS_ALLOW_PRIVATE must be 0 or 1/);
    expect(() => loadConfig({ ...env, WEBHOOKS_RETRY_BASE_MS: "0" })).toThrow(/WEBHOOKS_RETRY_BASE_MS/);
  });

  it("allows them all with WEBHOOKS_ALLOW_PRIVATE=1", async () => {
    for (const url of refused.slice(0, 4)) await register({ url, actions: ["*"] }).expect(201);
  });
});

describe("editing a webhook through the API", () => {
  it("PATCH with version changes it, audited; a stale version answers 409 and writes nothing", async () => {
    const { body } = await register({ url: "http://127.0.0.1:9/edit", actions: ["claim.create"] }).expect(201);
    const res = await api(open, admin)
      .patch(`/api/webhooks/${body.id}`, { actions: ["claim.resolve", "claim.reopen"], active: false, version: 1 })
      .expect(200);
    expect(res.body).toMatchObject({ actions: ["claim.resolve", "claim.reopen"], active: false, version: 2 });
    expect(res.body.secret).toBeUndefined();
    await api(open, admin).patch(`/api/webhooks/${body.id}`, { description: "late", version: 1 }).expect(409);
    const events = await open.db.auditEvent.findMany({ where: { subjectType: "webhook", subjectId: body.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["webhook.create", "webhook.update"]);
    expect(JSON.parse(events[1]!.changes)).toEqual({ actions: [["claim.create"], ["claim.resolve", "claim.reopen"]], active: [true, false] });
  });

  it("a new secret (given or generated) is answered once and audited as replaced, never its value", async () => {
    const { body } = await register({ url: "http://127.0.0.1:9/rotate", actions: ["*"] }).expect(201);
    const given = "the-new-secret-of-the-desk";
    const a = await api(open, admin).patch(`/api/webhooks/${body.id}`, { secret: given, version: 1 }).expect(200);
    expect(a.body.secret).toBe(given);
    const b = await api(open, admin).patch(`/api/webhooks/${body.id}`, { generateSecret: true, version: 2 }).expect(200);
    expect(b.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await open.db.webhook.findUniqueOrThrow({ where: { id: body.id } })).secret).toBe(b.body.secret);
    const changes = (await open.db.auditEvent.findMany({ where: { action: "webhook.update", subjectId: body.id } })).map((e) => e.changes);
    expect(changes).toEqual([JSON.stringify({ secret: ["hidden", "replaced"] }), JSON.stringify({ secret: ["hidden", "replaced"] })]);
  });
});

describe("the webhooks pages", () => {
  it("the form registers a webhook and shows its secret once, on that answer only", async () => {
    const form = await browser.agent.get("/webhooks/new").expect(200);
    expect(form.text).toContain('value="claim.resolve"');
    expect(form.text).toContain('value="*"');
    const res = await browser.agent
      .post("/webhooks")
      .type("form")
      .send({
        _csrf: csrfFrom(form.text),
        url: "http://127.0.0.1:9/form",
        actions: ["claim.resolve", "claim.reopen"],
        format: "slack",
        description: "Chat <b>",
      })
      .expect(201);
    const created = await open.db.webhook.findFirstOrThrow({ where: { url: "http://127.0.0.1:9/form" } });
    expect(res.text).toContain(created.secret);
    expect(res.headers["cache-control"]).toBe("no-store");
    const edit = await browser.agent.get(`/webhooks/${created.id}/edit`).expect(200);
    const rotated = await browser.agent
      .post(`/webhooks/${created.id}`)
      .type("form")
      .send({ _csrf: csrfFrom(edit.text), url: created.url, actions: ["claim.resolve"], format: "slack", generateSecret: "1", version: "1" })
      .expect(200);
    const secret = (await open.db.webhook.findUniqueOrThrow({ where: { id: created.id } })).secret;
    expect(rotated.text).toContain(secret);
    expect(rotated.headers["cache-control"]).toBe("no-store");
    expect(created.actions).toBe('["claim.resolve","claim.reopen"]');
    const page = await browser.agent.get(`/webhooks/${created.id}`).expect(200);
    expect(page.text).not.toContain(secret);
    expect(page.text).toContain("Chat &lt;b&gt;");
    expect(page.text).toContain("No deliveries yet");
    const list = await browser.agent.get("/webhooks").expect(200);
    expect(list.text).toContain(`/webhooks/${created.id}`);
    expect(list.text).not.toContain(secret);
  });

  it("bad input answers 422 with the messages beside the fields and the input kept (but never the secret)", async () => {
    const form = await browser.agent.get("/webhooks/new").expect(200);
    const res = await browser.agent
      .post("/webhooks")
      .type("form")
      .send({ _csrf: csrfFrom(form.text), url: "gopher://old.example/x", description: "Kept text", secret: "tooshort" })
      .expect(422);
    expect(res.text).toContain("Kept text");
    expect(res.text).toContain("gopher://old.example/x");
    expect(res.text).toContain("Choose at least one action, or every action.");
    expect(res.text).toContain('id="error-url"');
    expect(res.text).not.toContain("tooshort");
  });

  it("is refused to an editor (403), and the navigation links it for admins only", async () => {
    const ed = await open.signIn("editor");
    await ed.agent.get("/webhooks").expect(403);
    await ed.agent.get("/webhooks/new").expect(403);
    expect((await ed.agent.get("/claims").expect(200)).text).not.toContain('href="/webhooks"');
    expect((await browser.agent.get("/claims").expect(200)).text).toContain('href="/webhooks"');
  });

  it("edits: unticking every action is refused; a stale version shows the conflict with the input kept; pause and resume", async () => {
    const { body } = await register({ url: "http://127.0.0.1:9/page-edit", actions: ["claim.create"] }).expect(201);
    const edit = await browser.agent.get(`/webhooks/${body.id}/edit`).expect(200);
    const csrf = csrfFrom(edit.text);
    expect(edit.text).toMatch(/value="claim.create" checked/);
    const none = await browser.agent.post(`/webhooks/${body.id}`).type("form").send({ _csrf: csrf, url: body.url, format: "json", version: "1" }).expect(422);
    expect(none.text).toContain("Choose at least one action, or every action.");
    await api(open, admin).patch(`/api/webhooks/${body.id}`, { description: "changed elsewhere", version: 1 }).expect(200);
    const stale = await browser.agent
      .post(`/webhooks/${body.id}`)
      .type("form")
      .send({ _csrf: csrf, url: body.url, actions: "claim.resolve", format: "json", description: "mine", version: "1" })
      .expect(409);
    expect(stale.text).toContain("Edit conflict");
    expect(stale.text).toContain('value="mine"');
    expect(stale.text).toMatch(/name="version" value="2"/);
    await browser.agent
      .post(`/webhooks/${body.id}`)
      .type("form")
      .send({ _csrf: csrf, url: body.url, actions: "claim.resolve", format: "json", description: "mine", version: "2" })
      .expect(302);
    expect(await api(open, admin).get(`/api/webhooks/${body.id}`).expect(200)).toHaveProperty("body.description", "mine");
    await browser.agent.post(`/webhooks/${body.id}/active`).type("form").send({ _csrf: csrf, active: "0", version: "3" }).expect(302);
    const paused = await browser.agent.get(`/webhooks/${body.id}`).expect(200);
    expect(paused.text).toContain("Webhook #" + body.id + " paused.");
    expect(paused.text).toContain("Resume");
    await browser.agent.post(`/webhooks/${body.id}/active`).type("form").send({ _csrf: csrf, active: "1", version: "4" }).expect(302);
    expect((await api(open, admin).get(`/api/webhooks/${body.id}`).expect(200)).body).toMatchObject({ active: true, version: 5 });
  });

  it("retrying a delivery of a paused webhook says it goes when the webhook is resumed, not now", async () => {
    const { body } = await register({ url: "http://127.0.0.1:9/paused", actions: ["claim.create"] }).expect(201);
    await api(open, editor).post("/api/claims", { statement: "Queued for a webhook about to be paused." }).expect(201);
    await api(open, admin).patch(`/api/webhooks/${body.id}`, { active: false, version: 1 }).expect(200);
    const [delivery] = (await api(open, admin).get(`/api/webhooks/${body.id}/deliveries`).expect(200)).body.items as { id: number }[];
    await browser.agent.post(`/webhooks/${body.id}/deliveries/${delivery!.id}/retry`).type("form").send({ _csrf: browser.csrf }).expect(302);
    const page = await browser.agent.get(`/webhooks/${body.id}`).expect(200);
    expect(page.text).toContain(`Delivery #${delivery!.id} will be sent again when the webhook is resumed.`);
  });

  it("reads in French, and the audit log names the webhook's events", async () => {
    const fr = await browser.agent.get("/webhooks/new").set("Accept-Language", "fr").expect(200);
    expect(fr.text).toContain("Nouveau webhook");
    expect(fr.text).toContain("Actions qui lui sont envoyées");
    const log = await browser.agent.get("/audit?action=webhook.create").expect(200);
    expect(log.text).toContain("Webhook registered");
    expect(log.text).toContain("set (not shown)");
  });

  it("an unknown webhook or delivery is a 404", async () => {
    await browser.agent.get("/webhooks/999999").expect(404);
    await api(open, admin).get("/api/webhooks/999999/deliveries").expect(404);
    await api(open, admin).post("/api/webhooks/999999/deliveries/1/retry", {}).expect(404);
    await browser.agent.get("/webhooks/abc").expect(404);
  });
});
