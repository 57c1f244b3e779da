import { mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { seedIfEmpty } from "../seed/seed.ts";
import { launchChromium } from "./chromium.ts";
import { createApp } from "../src/app.ts";
import { SYSTEM } from "../src/audit/audit.service.ts";
import { verifyInFull } from "../src/audit/audit.verification.ts";
import { loadConfig } from "../src/config.ts";
import { openMigrated } from "../src/db.ts";
import { addComment } from "../src/comments/comments.service.ts";
import { updateClaim } from "../src/claims/claims.service.ts";
import { actorOf, createUser } from "../src/users/users.service.ts";

// npm run screenshots: PNGs of the main pages, on a freshly seeded database,
// at desktop and phone widths, in English and in French (names ending -fr),
// into docs/screenshots/ (the README shows them).

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "docs/screenshots");
const work = path.join(root, "data/screenshots");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
mkdirSync(out, { recursive: true });

const url = `file:${path.join(work, "claims.db")}`;
const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: url, SESSION_SECRET: "screenshots-".repeat(4), LOG_REQUESTS: "0" });
const db = await openMigrated(url);
await seedIfEmpty(db);
const password = "screenshots-password";
const editor = await createUser(db, SYSTEM, { email: "editor@example.org", name: "Desk editor", role: "editor", password });
const chief = await createUser(db, SYSTEM, { email: "chief@example.org", name: "Desk chief", role: "editor", password });
const rumor = await db.claim.findFirstOrThrow({ where: { status: "rumored" }, orderBy: { id: "asc" } });
const resolved = await db.claim.findFirstOrThrow({ where: { status: "confirmed", occurredAt: { not: null } }, orderBy: { id: "asc" } });
const source = await db.source.findFirstOrThrow({ orderBy: { id: "asc" } });
const entity = await db.entity.findFirstOrThrow({ where: { name: "Sam Altman" } });
const story = await db.story.findFirstOrThrow({ orderBy: { id: "asc" } });
// the desk: the chief gives the editor the rumor and asks about it, which the editor's inbox shows
await updateClaim(db, actorOf(chief), rumor.id, { assigneeId: editor.id, version: rumor.version });
await addComment(db, { ...actorOf(chief), id: chief.id }, rumor.id, {
  body: "Two sources now say the merger talks happened. Can we get a third before we publish?",
});

await verifyInFull(db); // what the server's check at start does, so /audit shows the kept verification
const server = createApp({ db, config }).listen(0, "127.0.0.1");
await new Promise((ok) => server.once("listening", ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const pages: [string, string][] = [
  ["dashboard", "/"],
  ["claims", "/claims"],
  ["search-ultraman", "/claims?q=Ultraman"],
  ["claim-open", `/claims/${rumor.id}`],
  ["claim-resolved", `/claims/${resolved.id}`],
  ["claim-edit", `/claims/${rumor.id}/edit`],
  ["claim-history", `/claims/${resolved.id}/history`],
  ["timeline-beijing", "/timeline?tz=Asia/Shanghai"],
  ["timeline-san-francisco", "/timeline?tz=America/Los_Angeles"],
  ["sources", "/sources"],
  ["source", `/sources/${source.id}`],
  ["entity", `/entities/${entity.id}`],
  ["audit", "/audit"],
  ["stories", "/stories"],
  ["story", `/stories/${story.id}`],
  ["my-claims", "/claims?assignee=me&state=open"],
  ["inbox", "/inbox"],
  ["account", "/account"],
];

// the browser asks for the language, as a reader's would (Accept-Language)
const languages = [
  { suffix: "", locale: "en-GB" },
  { suffix: "-fr", locale: "fr-FR" },
];

const browser = await launchChromium();
try {
  for (const { suffix, locale } of languages)
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 900 }],
      ["phone", { width: 360, height: 780 }],
    ] as const) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale });
      const page = await context.newPage();
      await page.goto(`${base}/login`);
      await page.screenshot({ path: path.join(out, `${device}-login${suffix}.png`) });
      await page.fill("#field-email", "editor@example.org");
      await page.fill("#field-password", password);
      await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
      for (const [name, href] of pages) {
        await page.goto(base + href);
        // the top of each page, up to about three screens
        const height = Math.min(Number(await page.evaluate("document.documentElement.scrollHeight")), viewport.height * 3);
        await page.screenshot({ path: path.join(out, `${device}-${name}${suffix}.png`), fullPage: true, clip: { x: 0, y: 0, width: viewport.width, height } });
        const overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (Number(overflow) > 0) console.warn(`${device} ${locale} ${href}: ${Number(overflow)}px of sideways scrolling`);
      }
      await context.close();
    }
  console.log(`Wrote ${languages.length * 2 * (pages.length + 1)} screenshots to docs/screenshots/`);
} finally {
  await browser.close();
  server.close();
  await db.$disconnect();
  rmSync(work, { recursive: true, force: true });
}
