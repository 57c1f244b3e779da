import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let editor: { agent: Agent; csrf: string; email: string; id: number };
let second: { agent: Agent; csrf: string; email: string; id: number };
let viewer: { agent: Agent; csrf: string; email: string; id: number };

async function newClaim(statement = "Ilya Sutskever regrets his part in the board's action.") {
  const res = await editor.agent.post("/api/claims").set("x-csrf-token", editor.csrf).send({ statement, status: "rumored" }).expect(201);
  return res.body as { id: number; version: number };
}

const post = (who: { agent: Agent; csrf: string }, claimId: number, body: unknown) =>
  who.agent
    .post(`/api/claims/${claimId}/comments`)
    .set("x-csrf-token", who.csrf)
    .send(body as object);

beforeAll(async () => {
  t = await testApp();
  editor = await t.signIn("editor");
  await t.db.user.update({ where: { id: editor.id }, data: { name: "Ed Itor" } });
  second = await t.signIn("editor");
  viewer = await t.signIn("viewer");
});
afterAll(() => t.close());

describe("POST /api/claims/:id/comments", () => {
  it("answers 201 with the comment (body trimmed, author, time), writes the row and a comment.add event in the claim's history", async () => {
    const claim = await newClaim();
    const res = await post(editor, claim.id, { body: "  Who told The Verge this?  " }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      body: "Who told The Verge this?",
      author: { id: editor.id, name: "Ed Itor", email: editor.email },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });
    const row = await t.db.comment.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ claimId: claim.id, authorId: editor.id, body: "Who told The Verge this?" });
    const history = await editor.agent.get(`/api/claims/${claim.id}/history`).expect(200);
    const added = history.body.filter((e: { action: string }) => e.action === "comment.add");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ actor: editor.email, changes: { comment: [null, { id: res.body.id, body: "Who told The Verge this?" }] } });
    // a comment is no change to the claim itself
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(claim.version);
  });

  it("answers 422 on body for an empty, a blank, a missing or a 5001-character comment, and writes nothing", async () => {
    const claim = await newClaim();
    for (const body of [{ body: "" }, { body: "   \n " }, {}, { body: "x".repeat(5001) }, { body: 12 }]) {
      const res = await post(editor, claim.id, body).expect(422);
      expect(res.body.error.fields.body).toBeTruthy();
    }
    await post(editor, claim.id, { body: "x".repeat(5000) }).expect(201);
    expect(await t.db.comment.count({ where: { claimId: claim.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { subjectId: claim.id, action: "comment.add" } })).toBe(1);
  });

  it("is refused to a viewer (403), read by no stranger (401), and 404 on a claim that does not exist (404)", async () => {
    const claim = await newClaim();
    await post(viewer, claim.id, { body: "I only read." }).expect(403);
    await request(t.app).get(`/api/claims/${claim.id}/comments`).expect(401);
    await post(editor, 999_999, { body: "Nowhere." }).expect(404);
    expect(await t.db.comment.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it("cannot be edited or deleted: there is no route, and the database refuses it", async () => {
    const claim = await newClaim();
    const { body } = await post(editor, claim.id, { body: "Said once." }).expect(201);
    await editor.agent.patch(`/api/claims/${claim.id}/comments/${body.id}`).set("x-csrf-token", editor.csrf).send({ body: "Changed" }).expect(404);
    await editor.agent.delete(`/api/claims/${claim.id}/comments/${body.id}`).set("x-csrf-token", editor.csrf).expect(404);
    await expect(t.db.comment.update({ where: { id: body.id }, data: { body: "Changed" } })).rejects.toThrow();
    await expect(t.db.comment.delete({ where: { id: body.id } })).rejects.toThrow();
    expect((await t.db.comment.findUniqueOrThrow({ where: { id: body.id } })).body).toBe("Said once.");
  });
});

describe("GET /api/claims/:id/comments", () => {
  it("lists the claim's comments oldest first, to a viewer too, and 404 for a claim that does not exist", async () => {
    const claim = await newClaim();
    const elsewhere = await newClaim("Another claim.");
    await post(editor, claim.id, { body: "First." }).expect(201);
    await post(second, claim.id, { body: "Second." }).expect(201);
    await post(editor, elsewhere.id, { body: "Not this one." }).expect(201);
    await post(editor, claim.id, { body: "Third." }).expect(201);
    const res = await viewer.agent.get(`/api/claims/${claim.id}/comments`).expect(200);
    expect(res.body.map((c: { body: string }) => c.body)).toEqual(["First.", "Second.", "Third."]);
    expect(res.body[1].author).toEqual({ id: second.id, name: expect.any(String), email: second.email });
    await viewer.agent.get("/api/claims/999999/comments").expect(404);
  });
});

describe("the claim page's discussion", () => {
  it("shows the comments oldest first with author and time, escaped; the form posts one and comes back with a flash", async () => {
    const claim = await newClaim();
    await post(second, claim.id, { body: `<script>alert("x")</script> & <b>bold</b>` }).expect(201);
    const page = await editor.agent.get(`/claims/${claim.id}`).expect(200);
    expect(page.text).toContain("<h2>Discussion");
    expect(page.text).toContain("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(page.text).not.toContain('<script>alert("x")</script>');
    const res = await editor.agent.post(`/claims/${claim.id}/comments`).type("form").send({ _csrf: editor.csrf, body: "Checked with the desk." }).expect(302);
    expect(res.headers.location).toMatch(new RegExp(`^/claims/${claim.id}#comment-\\d+$`));
    const after = await editor.agent.get(`/claims/${claim.id}`).expect(200);
    expect(after.text).toContain("Your comment is posted.");
    const first = after.text.indexOf("&lt;script&gt;");
    const latest = after.text.indexOf("Checked with the desk.");
    expect(first).toBeGreaterThan(0);
    expect(latest).toBeGreaterThan(first);
    expect(after.text).toMatch(/<strong>Ed Itor<\/strong> · <time datetime="[^"]+">/);
  });

  it("an empty comment answers 422 with the message beside the field; an overlong one keeps its text", async () => {
    const claim = await newClaim();
    const empty = await editor.agent.post(`/claims/${claim.id}/comments`).type("form").send({ _csrf: editor.csrf, body: "  " }).expect(422);
    expect(empty.text).toContain("A comment is required.");
    expect(empty.text).toContain('id="error-body"');
    const long = "Too long. ".repeat(501);
    const res = await editor.agent.post(`/claims/${claim.id}/comments`).type("form").send({ _csrf: editor.csrf, body: long }).expect(422);
    expect(res.text).toContain("At most 5,000 characters; this has 5,009.");
    expect(res.text).toContain(long.trim());
    expect(await t.db.comment.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it("a viewer reads the discussion but gets no form, and cannot post through the page", async () => {
    const claim = await newClaim();
    await post(editor, claim.id, { body: "For the viewers." }).expect(201);
    const page = await viewer.agent.get(`/claims/${claim.id}`).expect(200);
    expect(page.text).toContain("For the viewers.");
    expect(page.text).not.toContain(`action="/claims/${claim.id}/comments"`);
    await viewer.agent.post(`/claims/${claim.id}/comments`).type("form").send({ _csrf: viewer.csrf, body: "Let me in." }).expect(403);
  });

  it("the history and the audit log read a comment.add as its text", async () => {
    const claim = await newClaim();
    await post(editor, claim.id, { body: "A remark for the record." }).expect(201);
    const history = await editor.agent.get(`/claims/${claim.id}/history`).expect(200);
    expect(history.text).toContain("Comment posted");
    expect(history.text).toContain("A remark for the record.");
    const fr = await editor.agent.get(`/claims/${claim.id}/history`).set("Accept-Language", "fr").expect(200);
    expect(fr.text).toContain("Commentaire publié");
  });
});
