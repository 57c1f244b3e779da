// The import's figures for npm run bench: the ledger of the largest size
// exported to a JSON file, then imported by npm run import's own command
// into a fresh database in a child process, timed, its peak RSS read from
// /proc; and a file of junk rows the import refuses, for its memory alone.

import { spawn } from "node:child_process";
import { createWriteStream, readFileSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { migrate, type Db } from "../src/db.ts";
import { jsonExport } from "../src/transfer/export.query.ts";
import { listQuerySchema } from "../src/claims/claims.schema.ts";
import { fmt } from "./bench-lib.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MB = 1024 * 1024;
const TARGET_RATE = 500;
const TARGET_RSS_MB = 300;

async function writeChunks(file: string, chunks: AsyncIterable<string>) {
  const out = createWriteStream(file);
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

/** A file of n claims the import must refuse (confidence out of range), one a line as the export writes them. */
async function* junk(n: number) {
  yield '{"format":"claimtrack-export","version":1,\n"claims":[\n';
  for (let i = 1; i <= n; i++)
    yield `${i > 1 ? ",\n" : ""}{"id":${i},"statement":"Junk row ${i} ${"x".repeat(300)}","confidence":140,"evidence":[{"sourceId":1,"stance":"supports"}]}`;
  yield '\n],\n"sources":[{"id":1,"title":"S"}],\n"entities":[]}\n';
}

/** Runs the import command on file into url; wall seconds, peak RSS (VmHWM, polled) and exit code. */
async function runImport(file: string, url: string): Promise<{ seconds: number; peakMB: number; code: number | null }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ["--max-old-space-size=160", "--import", "tsx", "src/transfer/import.cli.ts", file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "ignore"],
  });
  let peakKB = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peakKB = Math.max(peakKB, Number(m[1]));
    } catch {
      // ended between two polls
    }
  }, 100);
  const [code] = (await once(child, "exit")) as [number | null];
  clearInterval(poll);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMB: Math.round(peakKB / 1024), code };
}

const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

/** Prints the import's lines; `db` is the benchmark's ledger of `size` claims, kept in dataDir. */
export async function importBench(db: Db, size: number, dataDir: string): Promise<string[]> {
  const file = path.join(dataDir, `bench-export-${size}.json`);
  const target = path.join(dataDir, "bench-import.db");
  const junkFile = path.join(dataDir, "bench-junk.json");
  process.stderr.write(`  import: exporting ${fmt(size)} claims\n`);
  await writeChunks(file, jsonExport(db, new Date(), listQuerySchema.parse({})));
  const fileMB = statSync(file).size / MB;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(target + suffix, { force: true });
  await migrate(`file:${target}`);
  process.stderr.write(`  import: npm run import of ${fileMB.toFixed(1)} MB\n`);
  const run = await runImport(file, `file:${target}`);
  if (run.code !== 0) throw new Error(`bench: the import exited ${run.code}`);
  const rate = size / run.seconds;

  await writeChunks(junkFile, junk(100_000));
  const junkMB = statSync(junkFile).size / MB;
  process.stderr.write(`  import: refusing ${junkMB.toFixed(1)} MB of junk rows\n`);
  const refused = await runImport(junkFile, `file:${target}`);
  if (refused.code !== 1) throw new Error(`bench: the junk import exited ${refused.code}, not 1`);
  rmSync(junkFile);
  return [
    `import of ${fmt(size)} claims (${fileMB.toFixed(1)} MB JSON): ${run.seconds.toFixed(1)} s, ${fmt(Math.round(rate))} claims/s (target ≥ ${TARGET_RATE}: ${verdict(rate >= TARGET_RATE)})`,
    `import peak RSS: ${run.peakMB} MB for ${fileMB.toFixed(1)} MB (target < ${TARGET_RSS_MB} MB for 50 MB: ${verdict(run.peakMB < TARGET_RSS_MB)})`,
    `refused import of 100,000 junk rows (${junkMB.toFixed(1)} MB): ${refused.seconds.toFixed(1)} s, peak RSS ${refused.peakMB} MB (target < ${TARGET_RSS_MB} MB: ${verdict(refused.peakMB < TARGET_RSS_MB)})`,
  ];
}
