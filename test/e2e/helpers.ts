import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { PASSWORD, testApp, type TestApp } from "../helpers/app.ts";
import { seedIfEmpty } from "../../seed/seed.ts";
import { launchChromium } from "../../scripts/chromium.ts";
import { SYSTEM } from "../../src/audit/audit.service.ts";
import { createUser, issueToken } from "../../src/users/users.service.ts";
import type { RoleName } from "../../src/roles.ts";

/** The interface's languages, as a browser asks for them (its locale sets Accept-Language). */
export const LANGUAGES = [
  { lang: "en", locale: "en-GB" },
  { lang: "fr", locale: "fr-FR" },
] as const;

/** Generous: Chromium shares two cores with the rest of the suite. */
export const E2E_TIMEOUT = 60_000;

const AXE = path.resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js");

export interface Account {
  email: string;
  password: string;
  id: number;
}

export interface SignedIn extends Account {
  context: BrowserContext;
  page: Page;
}

export interface E2E {
  t: TestApp;
  /** http://127.0.0.1:PORT, the app on a fresh, seeded database */
  base: string;
  browser: Browser;
  /** a new account of that role */
  user(role: RoleName, name?: string): Promise<Account>;
  /** a browser context on the app (closed with the browser), British English unless `locale` says otherwise; bypassCSP lets axe's inline script run */
  contextFor(javaScriptEnabled: boolean, options?: BrowserContextOptions): Promise<BrowserContext>;
  /** a new account of that role, signed in through the login form in a context of its own */
  signedIn(role: RoleName, options?: BrowserContextOptions): Promise<SignedIn>;
  /** a JSON API call over HTTP as an editor (bearer token): status and parsed body */
  api(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
}

/**
 * The app in-process on a fresh seeded database, listening on 127.0.0.1, and
 * one Chromium for the test file; both are stopped after the file's tests.
 */
export function useE2E(): E2E {
  const env = {} as E2E;
  let server: Server | undefined;
  let token = "";
  let n = 0;

  beforeAll(async () => {
    env.t = await testApp();
    await seedIfEmpty(env.t.db);
    server = env.t.app.listen(0, "127.0.0.1");
    await once(server, "listening");
    env.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    env.browser = await launchChromium();
    const apiUser = await env.user("editor", "API editor");
    token = await issueToken(env.t.db, SYSTEM, apiUser.email);
  });

  afterAll(async () => {
    await env.browser?.close();
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((done) => server!.close(() => done()));
    }
    await env.t?.close();
  });

  env.user = async (role, name) => {
    const email = `e2e-${role}-${++n}@example.org`;
    const created = await createUser(env.t.db, SYSTEM, { email, role, password: PASSWORD, name: name ?? `${role} ${n}` });
    return { email, password: PASSWORD, id: created.id };
  };

  env.contextFor = async (javaScriptEnabled, options = {}) => {
    const context = await env.browser.newContext({ baseURL: env.base, javaScriptEnabled, locale: "en-GB", ...options });
    // a missing element fails in seconds, well inside the test's own timeout
    context.setDefaultTimeout(10_000);
    return context;
  };

  env.signedIn = async (role, options = {}) => {
    const account = await env.user(role);
    const context = await env.contextFor(options.javaScriptEnabled ?? true, options);
    const page = await context.newPage();
    await login(page, account.email, account.password);
    return { ...account, context, page };
  };

  env.api = async (method, url, body) => {
    const res = await fetch(env.base + url, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  };

  return env;
}

/** Signs in through the login form, in whatever language it is, and waits for the page it leads to. */
export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.fill("#field-email", email);
  await page.fill("#field-password", password);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.click("form[action='/login'] button[type=submit]")]);
}

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core on the page as it stands: the serious and critical violations (needs a context with bypassCSP). */
export async function axeCheck(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  const violations: Violation[] = await page.evaluate(async () => {
    const g = globalThis as any;
    const result = await g.axe.run(g.document, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((node: any) => node.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The error summary of the page, if any: a message for an assertion on where a form led. */
export const errorSummary = async (page: Page) => (await page.locator(".error-summary, .flash-error").allTextContents()).join(" ").replace(/\s+/g, " ").trim();

/** Violations as lines an assertion message can show. */
export const formatViolations = (violations: Violation[]) => violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(" | ")}`).join("\n");
