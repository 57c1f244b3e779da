import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedIfEmpty } from "../seed/seed.ts";
import { claims as seedClaims } from "../seed/article.ts";
import { verifyChain } from "../src/audit/audit.service.ts";
import { timeWarnings } from "../src/claims/occurred.ts";
import { testApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await testApp();
  expect(await seedIfEmpty(t.db)).toMatchObject({ claims: seedClaims.length });
  token = await t.token("viewer");
});
afterAll(() => t.close());

const byStatement = (fragment: string) => t.db.claim.findFirstOrThrow({ where: { statement: { contains: fragment } } });
const byWording = (occurredAtText: string) => t.db.claim.findFirstOrThrow({ where: { occurredAtText } });

describe("seed from the source article", () => {
  it("loads at least 25 claims, 10 sources and the people and organisations, with evidence", async () => {
    expect(await t.db.claim.count()).toBeGreaterThanOrEqual(25);
    expect(await t.db.source.count()).toBeGreaterThanOrEqual(10);
    expect(await t.db.entity.count()).toBeGreaterThanOrEqual(8);
    const unsupported = await t.db.claim.count({ where: { evidence: { none: {} } } });
    expect(unsupported).toBe(0);
    for (const s of ["unverified", "rumored", "confirmed", "false"]) expect(await t.db.claim.count({ where: { status: s } }), s).toBeGreaterThan(0);
  });

  it("gives the article's key claims the status it supports as of 21 November 2023", async () => {
    expect((await byStatement("More than 700 of OpenAI's roughly 770 employees signed")).status).toBe("unverified");
    expect((await byStatement("approached Anthropic CEO Dario Amodei about a possible merger")).status).toBe("rumored");
    expect((await byStatement("named Emmett Shear")).status).toBe("confirmed");
  });

  it("converts the article's Beijing and San Francisco times to UTC and keeps the wording", async () => {
    // 14:00 Beijing (UTC+8) on 20 Nov = 06:00 UTC
    expect((await byWording("vers 14 heures, heure de Pékin, le 20 novembre")).occurredAt?.toISOString()).toBe("2023-11-20T06:00:00.000Z");
    // 04:00 Beijing on 18 Nov = 20:00 UTC on 17 Nov
    expect((await byWording("4 heures du matin, heure de Pékin, le 18")).occurredAt?.toISOString()).toBe("2023-11-17T20:00:00.000Z");
    // 12:23 San Francisco (PST, UTC-8) on 17 Nov = 20:23 UTC
    expect((await byWording("À 12 h 23, heure locale, le 17")).occurredAt?.toISOString()).toBe("2023-11-17T20:23:00.000Z");
    expect(await byWording("À 12 h 23, heure locale, le 17")).toMatchObject({ occurredPrecision: "instant", occurredZone: "America/Los_Angeles" });
    expect(await byWording("4 heures du matin, heure de Pékin, le 18")).toMatchObject({ occurredPrecision: "instant", occurredZone: "Asia/Shanghai" });
  });

  it("keeps a part of a day or a date as that span in the wording's zone, never as midnight UTC", async () => {
    const sf = await byWording("Dans la soirée du 16 novembre, heure locale");
    // 18:00-24:00 PST on 16 Nov = 02:00-08:00 UTC on 17 Nov: its middle
    expect(sf).toMatchObject({ occurredAt: new Date("2023-11-17T05:00:00Z"), occurredPrecision: "evening", occurredZone: "America/Los_Angeles" });
    const evenings = await t.db.claim.findMany({ where: { occurredAtText: "Dans la soirée du 20" } });
    expect(evenings.length).toBe(3);
    // 18:00-24:00 in Beijing on 20 Nov = 10:00-16:00 UTC
    for (const c of evenings)
      expect(c).toMatchObject({ occurredAt: new Date("2023-11-20T13:00:00Z"), occurredPrecision: "evening", occurredZone: "Asia/Shanghai" });
    expect(await byWording("Tôt le matin du 21")).toMatchObject({
      occurredPrecision: "morning",
      occurredZone: "Asia/Shanghai",
      occurredAt: new Date("2023-11-21T01:00:00Z"),
    });
    expect(await byWording("Le 21 novembre")).toMatchObject({
      occurredPrecision: "day",
      occurredZone: "Asia/Shanghai",
      occurredAt: new Date("2023-11-21T04:00:00Z"),
    });
    const timed = await t.db.claim.findMany({ where: { occurredAt: { not: null } } });
    for (const c of timed) {
      expect(c.occurredZone, c.occurredAtText).not.toBe("UTC");
      if (c.occurredPrecision === "instant") expect(c.occurredAt!.toISOString(), c.occurredAtText).not.toMatch(/T00:00:00/);
      expect(timeWarnings(c), c.occurredAtText).toEqual([]);
    }
    const page = await request(t.app).get(`/api/claims/${sf.id}`).set("Authorization", `Bearer ${token}`).expect(200);
    expect(page.body).toMatchObject({ occurredPrecision: "evening", occurredZone: "America/Los_Angeles" });
  });

  it("knows every alias the article uses, and the API finds each one's entity", async () => {
    const expected: Record<string, string[]> = {
      "Sam Altman": ["Ultraman"],
      "Emmett Shear": ["Hill", "Mitt Hill"],
      "Dario Amodei": ["Amoldei", "Amodaii", "Amodai", "Amodaiyi"],
    };
    for (const [name, aliases] of Object.entries(expected)) {
      const entity = await t.db.entity.findFirstOrThrow({ where: { name }, include: { aliases: true } });
      expect(entity.aliases.map((a) => a.alias)).toEqual(expect.arrayContaining(aliases));
      for (const alias of aliases) {
        const res = await request(t.app)
          .get(`/api/entities?q=${encodeURIComponent(alias)}`)
          .set("Authorization", `Bearer ${token}`)
          .expect(200);
        expect(
          res.body.items.map((e: { name: string }) => e.name),
          alias,
        ).toContain(name);
      }
    }
  });

  it("quotes the article verbatim, in French", async () => {
    const dir = path.resolve(import.meta.dirname, "../../shared/seeds");
    const article = readdirSync(dir)
      .map((f) => readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    const quotes = await t.db.evidence.findMany({ select: { quote: true } });
    for (const { quote } of quotes) expect(article.includes(quote), quote).toBe(true);
  });

  it("records the load as audit events by the system, in a chain that verifies", async () => {
    const actors = await t.db.auditEvent.groupBy({ by: ["actorLabel"], where: { action: { not: { startsWith: "user." } } } });
    expect(actors.map((a) => a.actorLabel)).toEqual(["system"]);
    expect(await t.db.auditEvent.count({ where: { action: "claim.create" } })).toBe(await t.db.claim.count());
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("adds nothing when loaded a second time", async () => {
    const before = [await t.db.claim.count(), await t.db.source.count(), await t.db.entity.count(), await t.db.auditEvent.count()];
    expect(await seedIfEmpty(t.db)).toBeNull();
    expect([await t.db.claim.count(), await t.db.source.count(), await t.db.entity.count(), await t.db.auditEvent.count()]).toEqual(before);
  });
});
