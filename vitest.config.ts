import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    // each file has its own SQLite database; two workers match the machines' two cores
    pool: "forks",
    maxWorkers: 2,
    // generous: argon2 sign-ins and child processes are slow on two busy cores
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
