import { defineConfig } from "vitest/config";
import { postgresBin } from "./scripts/postgres-server.ts";

// Two projects: every test on SQLite, and the tests that touch the database
// through the app on PostgreSQL too, against a server the run starts (or
// TEST_POSTGRES_URL's). Without PostgreSQL's server the second is skipped,
// and says so; under CI=true that is a failure.
const postgres = Boolean(process.env.TEST_POSTGRES_URL || postgresBin());
if (!postgres) {
  const why = "PostgreSQL's server is not installed (Debian: apt-get install postgresql), nor TEST_POSTGRES_URL set";
  if (process.env.CI === "true") throw new Error(`The PostgreSQL suite cannot run: ${why}.`);
  // vitest reads this file more than once: say it once
  if (!process.env.CLAIMTRACK_SKIP_SAID) console.warn(`\nSkipping the PostgreSQL suite: ${why}. Only the SQLite suite runs.\n`);
  process.env.CLAIMTRACK_SKIP_SAID = "1";
}

// SQLite's own machinery (the file, its locks and faults, the read worker, the
// backup API, the synthetic seeder's direct writes) and the browser tests, which
// the SQLite project covers
const SQLITE_ONLY = ["test/crash.test.ts", "test/fault/**", "test/read-worker.test.ts", "test/e2e/**", "test/workers.test.ts"];

export default defineConfig({
  test: {
    // generous: argon2 sign-ins and child processes are slow on two busy cores
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // each file has its own database; two workers match the machines' two cores
    pool: "forks",
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "sqlite", include: ["test/**/*.test.ts"], globalSetup: ["test/helpers/global-setup.ts"] } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: "postgresql",
                include: ["test/**/*.test.ts"],
                exclude: SQLITE_ONLY,
                globalSetup: ["test/helpers/global-setup.ts", "test/helpers/postgres-setup.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
