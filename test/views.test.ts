import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ejsEngine } from "../src/http/views.ts";

// The view engine's includes: resolved once, their locals layered over the
// page's. What a page and its partials see must be what EJS's own include gave.

function views(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "views-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const render = (engine: ReturnType<typeof ejsEngine>, file: string, locals: object) =>
  new Promise<string>((done, fail) => engine(file, locals, (err, html) => (err instanceof Error ? fail(err) : done(html ?? ""))));

describe("the view engine", () => {
  it("renders includes relative to the including file, with their own locals over the page's, none leaking back", async () => {
    const dir = views({
      "claims/index.ejs": `<% for (const s of statuses) { %><%- include("../partials/badge", { status: s }) %><% } %>|<%= typeof status %>|<%- include("_row") %>`,
      "claims/_row.ejs": `<%= title %>:<%= locals.status ?? "none" %>`,
      "partials/badge.ejs": `[<%= title %> <%= status %>]`,
    });
    const html = await render(ejsEngine(), path.join(dir, "claims/index.ejs"), { title: "<T>", statuses: ["rumored", "false"], cache: true });
    expect(html).toBe("[&lt;T&gt; rumored][&lt;T&gt; false]|undefined|&lt;T&gt;:none");
  });

  it("names the template and line of an error; without the view cache, an edited template is read again", async () => {
    const dir = views({ "page.ejs": `line one\n<%= missing.field %>` });
    const engine = ejsEngine();
    await expect(render(engine, path.join(dir, "page.ejs"), {})).rejects.toThrow("page.ejs:2");
    writeFileSync(path.join(dir, "page.ejs"), `fixed`);
    expect(await render(engine, path.join(dir, "page.ejs"), { cache: false })).toBe("fixed");
  });
});
