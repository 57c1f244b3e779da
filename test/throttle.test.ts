import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../src/app.ts";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db.ts";
import { createUser } from "../src/users/users.service.ts";
import { csrfFrom, PASSWORD, testApp, type TestApp } from "./helpers/app.ts";

// Addresses are told apart by X-Forwarded-For, which the app trusts from
// loopback (a reverse proxy on the same machine), as supertest connects.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

let n = 0;
async function account(prefix = "thr") {
  const email = `${prefix}${++n}@example.org`;
  await createUser(t.db, SYSTEM, { email, role: "editor", password: PASSWORD });
  return email;
}

/** A browser at an address, on the login page. */
async function browser(address: string, app = t.app) {
  const agent = request.agent(app);
  const csrf = csrfFrom((await agent.get("/login").set("X-Forwarded-For", address).expect(200)).text);
  const attempt = (email: string, password: string) => agent.post("/login").set("X-Forwarded-For", address).type("form").send({ email, password, _csrf: csrf });
  return { agent: agent, attempt };
}

describe("one throttle key per account, whatever its spelling", () => {
  it("ten failures with spacing, case and full-width variants of one email make the right password answer 429 with Retry-After", async () => {
    const email = await account();
    const variants = [` ${email}`, `${email} `, `\t${email.toUpperCase()}`, email.replace("thr", "ｔｈｒ"), `  ${email}  `];
    const { attempt } = await browser("198.51.100.1");
    for (let i = 0; i < 10; i++) await attempt(variants[i % variants.length]!, `wrong guess ${i}`).expect(401);
    const res = await attempt(email, PASSWORD).expect(429);
    expect(res.text).toContain("Too many failed sign-ins for this account.");
    const retryAfter = Number(res.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it("IPv6 addresses of one /64 network count as one address", async () => {
    const email = await account();
    for (let i = 0; i < 10; i++) await (await browser(`2001:db8:5:6::${i + 1}`)).attempt(email, `wrong guess ${i}`).expect(401);
    await (await browser("2001:db8:5:6:ffff:1:2:3")).attempt(email, PASSWORD).expect(429);
    await (await browser("2001:db8:5:7::1")).attempt(email, PASSWORD).expect(302); // another network: only slowed
  });

  it("the throttle is in the database: a second app server on the same database refuses the same account", async () => {
    const email = await account();
    const { attempt } = await browser("198.51.100.2");
    for (let i = 0; i < 10; i++) await attempt(email, `wrong guess ${i}`).expect(401);
    const db = await openDatabase(t.url);
    try {
      const other = createApp({ db, config: loadConfig({ NODE_ENV: "test", DATABASE_URL: t.url, SESSION_SECRET: "x".repeat(40) }), log: () => {} });
      await (await browser("198.51.100.2", other)).attempt(email, PASSWORD).expect(429);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("slow down, do not lock out", () => {
  it("a colleague at an address that sprayed 21 other accounts still signs in with the right password", async () => {
    const sprayer = await browser("203.0.113.7");
    for (let i = 0; i < 21; i++) await sprayer.attempt(`sprayed${i}@example.org`, "Summer2024!").expect(401);
    const colleague = await account("colleague");
    await (await browser("203.0.113.7")).attempt(colleague, PASSWORD).expect(302);
  });

  it("someone guessing a colleague's password from the same address does not lock out the colleague's own browser", async () => {
    const email = await account("target");
    const colleague = await browser("203.0.113.8");
    await colleague.attempt(email, PASSWORD).expect(302); // this browser has signed in as them before
    const page = await colleague.agent.get("/claims").set("X-Forwarded-For", "203.0.113.8").expect(200);
    await colleague.agent
      .post("/logout")
      .set("X-Forwarded-For", "203.0.113.8")
      .type("form")
      .send({ _csrf: csrfFrom(page.text) })
      .expect(302);

    const guesser = await browser("203.0.113.8");
    for (let i = 0; i < 10; i++) await guesser.attempt(email, `guess ${i}`).expect(401);
    await guesser.attempt(email, PASSWORD).expect(429); // a browser that never signed in as them is refused

    const again = await colleague.agent.get("/login").set("X-Forwarded-For", "203.0.113.8").expect(200);
    await colleague.agent
      .post("/login")
      .set("X-Forwarded-For", "203.0.113.8")
      .type("form")
      .send({ email, password: PASSWORD, _csrf: csrfFrom(again.text) })
      .expect(302);
  });

  // the gate is per process; its timing assumes that the reads before it answer at once, which on PostgreSQL are
  // round trips that spread the burst's arrival, so the SQLite project runs it
  it.runIf(inject("engine") === "sqlite")(
    "a burst of concurrent guesses from one address is answered 503 with Retry-After beyond two at a time, while a sign-in from elsewhere succeeds",
    async () => {
      const email = await account("burst");
      const colleague = await account("elsewhere");
      const burst = await browser("192.0.2.50");
      const honest = await browser("192.0.2.60");
      const answers = await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => burst.attempt(email, `burst guess ${i}`)),
        honest.attempt(colleague, PASSWORD),
      ]);
      const honestAnswer = answers.pop()!;
      expect(honestAnswer.status).toBe(302);
      const busy = answers.filter((r) => r.status === 503);
      expect(busy.length).toBeGreaterThanOrEqual(10);
      expect(answers.filter((r) => r.status === 401).length).toBeLessThanOrEqual(2);
      expect(Number(busy[0]!.headers["retry-after"])).toBeGreaterThan(0);
      expect(busy[0]!.text).toContain("Too many sign-ins are being checked right now.");
    },
  );

  it("when a burst from many addresses fills the password checks, a browser that signed in before takes a waiting place and signs in", async () => {
    const email = await account("returning");
    const returning = await browser("192.0.2.70");
    await returning.attempt(email, PASSWORD).expect(302);
    const page = await returning.agent.get("/claims").set("X-Forwarded-For", "192.0.2.70").expect(200);
    await returning.agent
      .post("/logout")
      .set("X-Forwarded-For", "192.0.2.70")
      .type("form")
      .send({ _csrf: csrfFrom(page.text) })
      .expect(302);
    const form = csrfFrom((await returning.agent.get("/login").set("X-Forwarded-For", "192.0.2.70").expect(200)).text);
    const strangers = await Promise.all(Array.from({ length: 12 }, (_, i) => browser(`192.0.2.${100 + i}`)));
    const answers = await Promise.all([
      ...strangers.map((b, i) => b.attempt(`stranger${i}@example.org`, "Winter2025!")),
      returning.agent.post("/login").set("X-Forwarded-For", "192.0.2.70").type("form").send({ email, password: PASSWORD, _csrf: form }),
    ]);
    expect(answers.pop()!.status).toBe(302);
    expect(answers.filter((r) => r.status === 503).length).toBeGreaterThan(0);
  });
});
