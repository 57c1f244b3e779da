import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSynthetic, type SyntheticCounts } from "../scripts/seed-synthetic.ts";
import { entities as articleEntities } from "../seed/article.ts";
import { verifyChain } from "../src/audit/audit.service.ts";
import { SOURCE_KINDS } from "../src/sources/sources.schema.ts";
import { testApp, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let token: string;
let counts: SyntheticCounts;
let headBefore: string;

beforeAll(async () => {
  t = await testApp();
  // events already on the chain: the generator must continue it, not restart it
  token = await t.token("viewer");
  headBefore = (await t.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).hash;
  counts = await seedSynthetic(t.url, 200);
});
afterAll(() => t.close());

const get = (url: string) => request(t.app).get(url).set("Authorization", `Bearer ${token}`);

describe("seedSynthetic on a fresh database, 200 claims", () => {
  it("adds 200 claims, sources of every kind and the article's people and organisations", async () => {
    expect(counts).toMatchObject({ claims: 200, sources: 10, entities: articleEntities.length });
    expect(await t.db.claim.count()).toBe(200);
    expect(await t.db.source.count()).toBe(10);
    const kinds = await t.db.source.groupBy({ by: ["kind"] });
    expect(kinds.map((k) => k.kind).sort()).toEqual([...SOURCE_KINDS].sort());
    const altman = await t.db.entity.findFirstOrThrow({ where: { name: "Sam Altman" }, include: { aliases: true } });
    expect(altman.aliases.map((a) => a.alias)).toContain("Ultraman");
  });

  it("gives every claim one to three evidence links and one to three entities", async () => {
    expect(await t.db.claim.count({ where: { evidence: { none: {} } } })).toBe(0);
    expect(await t.db.claim.count({ where: { entities: { none: {} } } })).toBe(0);
    const perClaim = await t.db.evidence.groupBy({ by: ["claimId"], _count: { _all: true } });
    expect(Math.max(...perClaim.map((g) => g._count._all))).toBeLessThanOrEqual(3);
    expect(await t.db.evidence.count()).toBe(counts.evidence);
    const links = await t.db.claimEntity.groupBy({ by: ["claimId"], _count: { _all: true } });
    expect(Math.max(...links.map((g) => g._count._all))).toBeLessThanOrEqual(3);
  });

  it("spreads statuses, keeps confidence in each status's band and resolves only the settled ones", async () => {
    const bands = { unverified: [30, 75], rumored: [20, 70], confirmed: [80, 100], false: [0, 15], inconclusive: [30, 70] } as const;
    for (const [status, [lo, hi]] of Object.entries(bands)) {
      const n = await t.db.claim.count({ where: { status } });
      expect(n, status).toBeGreaterThan(0);
      expect(await t.db.claim.count({ where: { status, confidence: { gte: lo, lte: hi } } }), status).toBe(n);
    }
    const open = { status: { in: ["unverified", "rumored"] } };
    expect(await t.db.claim.count({ where: { ...open, OR: [{ resolvedAt: { not: null } }, { resolutionNote: { not: "" } }] } })).toBe(0);
    expect(await t.db.claim.count({ where: { NOT: open, OR: [{ resolvedAt: null }, { resolutionNote: "" }] } })).toBe(0);
  });

  it("stores dates Prisma reads back, some occurrences undated", async () => {
    const dated = await t.db.claim.findFirstOrThrow({ where: { occurredAt: { not: null } } });
    expect(dated.occurredAt).toBeInstanceOf(Date);
    expect(dated.createdAt).toBeInstanceOf(Date);
    const from = new Date("2023-01-01T00:00:00Z");
    const to = new Date("2025-01-01T00:00:00Z");
    const all = await t.db.claim.count({ where: { occurredAt: { not: null } } });
    expect(await t.db.claim.count({ where: { occurredAt: { gte: from, lt: to } } })).toBe(all);
    expect(await t.db.claim.count({ where: { occurredAt: null } })).toBeGreaterThan(0);
  });

  it("writes one audit event per record, by synthetic, chained after the events already there", async () => {
    const resolved = await t.db.claim.count({ where: { status: { in: ["confirmed", "false", "inconclusive"] } } });
    const synthetic = await t.db.auditEvent.count({ where: { actorLabel: "synthetic" } });
    expect(synthetic).toBe(counts.claims + counts.sources + counts.entities + counts.evidence + resolved);
    expect(counts.auditEvents).toBe(synthetic);
    const first = await t.db.auditEvent.findFirstOrThrow({ where: { actorLabel: "synthetic" }, orderBy: { id: "asc" } });
    expect(first.prevHash).toBe(headBefore);
    await t.token("viewer"); // a write through the services after the generator
    const report = await verifyChain(t.db);
    expect(report).toMatchObject({ ok: true, firstBadEvent: null, events: await t.db.auditEvent.count() });
  });

  it("GET /api/claims?status=rumored lists only rumored synthetic claims", async () => {
    const res = await get("/api/claims?status=rumored&limit=100").expect(200);
    const rumored = await t.db.claim.count({ where: { status: "rumored" } });
    expect(res.body.items).toHaveLength(Math.min(rumored, 100));
    expect(res.body.items.every((c: { status: string }) => c.status === "rumored")).toBe(true);
  });

  it("GET /api/claims?q= finds claims by an alias and by a word only their evidence quotes", async () => {
    const byAlias = await get("/api/claims?q=Ultraman&limit=100").expect(200);
    expect(byAlias.body.items.some((c: { entities: { name: string }[] }) => c.entities.some((e) => e.name === "Sam Altman"))).toBe(true);
    const quoted = await t.db.evidence.findMany({ where: { quote: { contains: "catégoriquement" } }, select: { claimId: true } });
    expect(quoted.length).toBeGreaterThan(0);
    const byQuote = await get("/api/claims?q=categoriquement&limit=100").expect(200);
    const ids = byQuote.body.items.map((c: { id: number }) => c.id).sort();
    expect(ids).toEqual([...new Set(quoted.map((q) => q.claimId))].sort());
  });

  it("GET /api/claims/:id shows a settled claim's evidence, entities, version and history", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { status: "confirmed" }, include: { _count: { select: { evidence: true } } } });
    const res = await get(`/api/claims/${claim.id}`).expect(200);
    expect(res.body.evidence).toHaveLength(claim._count.evidence);
    expect(res.body.entities.length).toBeGreaterThan(0);
    expect(res.body.version).toBe(claim._count.evidence + 2);
    const history = await get(`/api/claims/${claim.id}/history`).expect(200);
    const actions = history.body.map((e: { action: string }) => e.action);
    expect(actions).toEqual(["claim.create", ...Array(claim._count.evidence).fill("evidence.add"), "claim.resolve"]);
    expect(history.body.at(-1).changes.status[1]).toBe("confirmed");
  });
});
