// The benchmark's yardstick (issue 10): a bare Express + EJS server on the
// engine's plain driver (better-sqlite3, or pg with one pool) rendering the
// claims list's 50 newest rows from the same database, with no sessions, ORM
// or checks. `npm run bench` starts it as a child process beside the app and
// prints the app's throughput as a share of it.
//   node --import tsx scripts/bench-baseline.ts <file:… or postgresql://… URL> <port>
import Database from "better-sqlite3";
import ejs from "ejs";
import express from "express";
import pg from "pg";

const [url, port] = process.argv.slice(2);
if (!url || !port) throw new Error("usage: bench-baseline.ts <file:… or postgresql://… URL> <port>");

const NEWEST = `SELECT id, statement, status, confidence, "occurredAt", "updatedAt" FROM "Claim" ORDER BY "createdAt" DESC, id DESC LIMIT 50`;
let newest: () => Promise<unknown[]>;
if (/^postgres(ql)?:\/\//.test(url)) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  newest = async () => (await pool.query<Record<string, unknown>>(NEWEST)).rows;
} else {
  const statement = new Database(url.replace(/^file:/, ""), { readonly: true }).prepare(NEWEST);
  newest = () => Promise.resolve(statement.all());
}
const page = ejs.compile(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Claims</title></head><body><main><h1>Claims</h1>
<table><thead><tr><th>#</th><th>Claim</th><th>Status</th><th>Confidence</th><th>Updated</th></tr></thead><tbody>
<% for (const c of claims) { %><tr><td><%= c.id %></td><td><a href="/claims/<%= c.id %>"><%= c.statement %></a></td><td><%= c.status %></td><td><%= c.confidence %></td><td><%= c.updatedAt %></td></tr><% } %>
</tbody></table></main></body></html>`,
);

const app = express();
app.get("/claims", async (_req, res) => {
  res.type("html").send(page({ claims: await newest() }));
});
app.listen(Number(port), "127.0.0.1", () => console.log("ready"));
