import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type Agent, type TestApp } from "./helpers/app.ts";

let t: TestApp;
let editor: { agent: Agent; csrf: string };

async function newClaim(body: Record<string, unknown>) {
  const statement = `${(body.statement as string | undefined) ?? "A claim"} [${randomUUID().slice(0, 8)}]`;
  const res = await editor.agent
    .post("/api/claims")
    .set("x-csrf-token", editor.csrf)
    .send({ ...body, statement })
    .expect(201);
  return { id: (res.body as { id: number }).id, statement };
}

const unescape = (s: string) => s.replaceAll("&amp;", "&").replaceAll("&#34;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">");

/** The day heading and the item markup of the claim on a timeline page, or null when it is not among the days. */
function itemOf(html: string, id: number): { day: string; item: string } | null {
  const timed = html.split('<section id="no-time"')[0]!;
  for (const section of timed.split('<section class="timeline-day"').slice(1)) {
    const item = section.split('<li class="timeline-item">').find((li) => li.includes(`href="/claims/${id}"`));
    if (item) return { day: /<h2[^>]*><time[^>]*>([^<]+)<\/time>/.exec(section)![1]!, item };
  }
  return null;
}

/** Claim ids in the order the timed list shows them. */
const timedIds = (html: string) =>
  [...html.split('<section id="no-time"')[0]!.matchAll(/<li class="timeline-item">[\s\S]*?href="\/claims\/(\d+)"/g)].map((m) => Number(m[1]));

const noTimeSection = (html: string) => html.split('<section id="no-time"')[1]!.split("</section>")[0]!;
const nextLink = (html: string) => {
  const m = /<a href="(\/timeline[^"]*)" rel="next">/.exec(html);
  return m ? unescape(m[1]!) : null;
};

beforeAll(async () => {
  t = await testApp();
  editor = await t.signIn("editor");
});
afterAll(() => t.close());

describe("GET /timeline", () => {
  it("shows 06:00 UTC on 20 November 2023 as 14:00 that day in Beijing, 22:00 on 19 November in San Francisco, 07:00 in Paris", async () => {
    const c = await newClaim({
      statement: "Emmett Shear is named interim CEO.",
      occurredAt: "2023-11-20T06:00:00Z",
      occurredAtText: "vers 14 heures, heure de Pékin, le 20 novembre",
    });
    const cases = [
      ["UTC", "Monday, 20 November 2023", "06:00 UTC"],
      ["Asia/Shanghai", "Monday, 20 November 2023", "14:00 GMT+8"],
      ["America/Los_Angeles", "Sunday, 19 November 2023", "22:00 GMT-8"],
      ["Europe/Paris", "Monday, 20 November 2023", "07:00 GMT+1"],
    ] as const;
    for (const [tz, day, time] of cases) {
      const res = await editor.agent.get(`/timeline?tz=${encodeURIComponent(tz)}`).expect(200);
      const found = itemOf(res.text, c.id);
      expect(found, tz).not.toBeNull();
      expect(found!.day, tz).toBe(day);
      expect(found!.item, tz).toContain(`>${time}</time>`);
      expect(res.text, tz).toMatch(new RegExp(`<option value="${tz}" selected>`));
    }
  });

  it("files the evening of 16 November in San Francisco under 16 November in San Francisco time, as the evening, never as a minute", async () => {
    const c = await newClaim({
      statement: "Sutskever texted Altman.",
      occurredDate: "2023-11-16",
      occurredPrecision: "evening",
      occurredZone: "America/Los_Angeles",
      occurredAtText: "Dans la soirée du 16 novembre, heure locale",
    });
    const cases = [
      ["America/Los_Angeles", "Thursday, 16 November 2023"],
      // its middle, 05:00 UTC on the 17th, is where it falls in other zones; the label stays the source's
      ["UTC", "Friday, 17 November 2023"],
      ["Asia/Shanghai", "Friday, 17 November 2023"],
    ] as const;
    for (const [tz, day] of cases) {
      const res = await editor.agent.get(`/timeline?tz=${encodeURIComponent(tz)}`).expect(200);
      const found = itemOf(res.text, c.id)!;
      expect(found.day, tz).toBe(day);
      expect(found.item, tz).toContain('<span class="timeline-time timeline-span">evening of 16 Nov 2023 (San Francisco)</span>');
      expect(found.item, tz).not.toMatch(/\d\d:\d\d/);
    }
  });

  it("shows the original wording beside the time, escaped, and links the statement to the claim", async () => {
    const c = await newClaim({ occurredAt: "2023-11-18T10:00:00Z", occurredAtText: "samedi <b>matin</b>, selon The Information" });
    const res = await editor.agent.get("/timeline?tz=Europe/Paris").expect(200);
    const { item } = itemOf(res.text, c.id)!;
    expect(item).toContain('<q class="timeline-wording muted">samedi &lt;b&gt;matin&lt;/b&gt;, selon The Information</q>');
    expect(item).toContain(`<a href="/claims/${c.id}">${c.statement}</a>`);
    expect(item).toContain("badge-unverified");
  });

  it("lists claims with no time apart under “No time known”, with their count", async () => {
    const c = await newClaim({ statement: "The letter's signatures are authentic.", occurredAtText: "à une date inconnue" });
    const res = await editor.agent.get("/timeline").expect(200);
    expect(itemOf(res.text, c.id)).toBeNull();
    const untimed = await t.db.claim.count({ where: { occurredAt: null } });
    expect(res.text).toContain(`No time known <span class="count">(${untimed})</span>`);
    expect(noTimeSection(res.text)).toContain(`href="/claims/${c.id}"`);
    expect(noTimeSection(res.text)).toContain("à une date inconnue");
  });

  it("with an unknown time zone answers 422 with a message beside the zone, and shows the timeline in UTC", async () => {
    const c = await newClaim({ occurredAt: "2023-11-21T23:30:00Z" });
    const res = await editor.agent.get("/timeline?tz=Mars%2FOlympus_Mons").expect(422);
    expect(res.text).toContain('<p class="field-error" id="error-tz">That is not a time zone this server knows; showing UTC.');
    expect(res.text).toContain('<option value="UTC" selected>');
    expect(itemOf(res.text, c.id)!.item).toContain(">23:30 UTC</time>");
    // the page's links no longer carry the bad zone
    const paged = await editor.agent.get("/timeline?tz=Mars%2FOlympus_Mons&limit=1").expect(422);
    expect(nextLink(paged.text)).toMatch(/^\/timeline\?limit=1&after=/);
  });

  it("the zone menu offers the usual zones first by city, then every zone the server knows", async () => {
    const res = await editor.agent.get("/timeline").expect(200);
    const usual = res.text.indexOf('<optgroup label="The newsroom&#39;s usual zones">');
    const every = res.text.indexOf('<optgroup label="Every time zone">');
    expect(usual).toBeGreaterThan(0);
    expect(every).toBeGreaterThan(usual);
    expect(res.text.indexOf(">San Francisco</option>")).toBeGreaterThan(usual);
    expect(res.text).not.toContain("San Francisco (America/Los_Angeles)</option>");
    for (const zone of ["Asia/Tokyo", "Africa/Nairobi", "Pacific/Auckland"])
      expect(res.text.indexOf(`<option value="${zone}" >${zone}</option>`), zone).toBeGreaterThan(every);
  });

  it("accepts any IANA zone typed in the URL, offering it in the select", async () => {
    const c = await newClaim({ occurredAt: "2023-11-21T23:30:00Z" });
    const res = await editor.agent.get("/timeline?tz=asia/tokyo").expect(200);
    expect(res.text).toContain('<option value="Asia/Tokyo" selected>Asia/Tokyo</option>');
    const found = itemOf(res.text, c.id)!;
    expect(found.day).toBe("Wednesday, 22 November 2023");
    expect(found.item).toContain(">08:30 GMT+9</time>");
  });

  it("with ?status= lists only claims of that status; an unknown status answers 422, not 500", async () => {
    const rumored = await newClaim({ status: "rumored", occurredAt: "2023-11-19T12:00:00Z" });
    const unverified = await newClaim({ status: "unverified", occurredAt: "2023-11-19T12:00:00Z" });
    const untimedRumor = await newClaim({ status: "rumored" });
    const res = await editor.agent.get("/timeline?status=rumored").expect(200);
    expect(itemOf(res.text, rumored.id)).not.toBeNull();
    expect(itemOf(res.text, unverified.id)).toBeNull();
    expect(noTimeSection(res.text)).toContain(`href="/claims/${untimedRumor.id}"`);
    const shown = timedIds(res.text);
    const rumoredIds = (await t.db.claim.findMany({ where: { status: "rumored", occurredAt: { not: null } }, select: { id: true } })).map((r) => r.id);
    expect(shown.sort()).toEqual(rumoredIds.sort());

    const bad = await editor.agent.get("/timeline?status=maybe").expect(422);
    expect(bad.text).toContain('id="error-status"');
    expect(itemOf(bad.text, unverified.id)).not.toBeNull();
  });

  it("orders by when the event happened, oldest first, or latest first with ?order=desc, whatever the order of recording", async () => {
    const late = await newClaim({ occurredAt: "2023-11-22T09:00:00Z" });
    const early = await newClaim({ occurredAt: "2023-11-17T20:30:00Z" });
    const middle = await newClaim({ occurredAt: "2023-11-20T01:00:00Z" });
    const asc = timedIds((await editor.agent.get("/timeline").expect(200)).text);
    expect(asc.indexOf(early.id)).toBeGreaterThanOrEqual(0);
    expect(asc.indexOf(early.id)).toBeLessThan(asc.indexOf(middle.id));
    expect(asc.indexOf(middle.id)).toBeLessThan(asc.indexOf(late.id));
    const expected = await t.db.claim.findMany({ where: { occurredAt: { not: null } }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(asc).toEqual(expected.map((c) => c.id));
    const desc = timedIds((await editor.agent.get("/timeline?order=desc").expect(200)).text);
    expect(desc).toEqual([...asc].reverse());
  });

  it("pages with ?after= cursors: following the next link visits every timed claim once, in order, two at the same instant split over pages", async () => {
    const tie = [await newClaim({ occurredAt: "2023-11-23T12:00:00Z" }), await newClaim({ occurredAt: "2023-11-23T12:00:00Z" })];
    for (const order of ["asc", "desc"] as const) {
      const expected = (
        await t.db.claim.findMany({ where: { occurredAt: { not: null } }, orderBy: [{ occurredAt: order }, { id: order }], select: { id: true } })
      ).map((c) => c.id);
      // a page ends between the two claims of the tie
      const limit = Math.min(...tie.map((c) => expected.indexOf(c.id))) + 1;
      const seen: number[] = [];
      let url: string | null = `/timeline?order=${order}&limit=${limit}`;
      let pages = 0;
      while (url) {
        const res = await editor.agent.get(url).expect(200);
        const ids = timedIds(res.text);
        expect(ids.length).toBeLessThanOrEqual(limit);
        seen.push(...ids);
        url = nextLink(res.text);
        // the claims with no time come after the last page only
        expect(noTimeSection(res.text).includes("<ul"), url ?? "last page").toBe(!url);
        if (++pages > 100) throw new Error("paging does not end");
      }
      expect(seen, order).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
      expect(pages).toBe(Math.ceil(expected.length / limit));
    }
  });

  it("with a cursor it did not give out answers 422 with a message and shows the first page", async () => {
    const res = await editor.agent.get("/timeline?after=not-a-cursor&limit=2").expect(422);
    expect(res.text).toContain("That page link is out of date");
    const first = await t.db.claim.findMany({
      where: { occurredAt: { not: null } },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
      select: { id: true },
      take: 2,
    });
    expect(timedIds(res.text)).toEqual(first.map((c) => c.id));
  });

  it("is a GET form linked from the navigation, and viewers can read it", async () => {
    const viewer = await t.signIn("viewer");
    const res = await viewer.agent.get("/timeline").expect(200);
    expect(res.text).toContain('<a href="/timeline" aria-current=page>Timeline</a>');
    expect(res.text).toContain('<form method="get" action="/timeline" class="filters">');
    for (const name of ["tz", "status", "order"]) expect(res.text).toContain(`<select id="field-${name}" name="${name}"`);
  });
});
