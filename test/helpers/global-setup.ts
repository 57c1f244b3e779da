import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node";
import { migrate } from "../../src/db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** this run's folder of SQLite files; concurrent runs never share one */
    tmpDir: string;
  }
}

/** Migrates one template database per run; each test file copies it (a migration per file would cost seconds). */
export default async function setup(project: TestProject) {
  const dir = path.resolve(import.meta.dirname, "../.tmp", randomUUID());
  mkdirSync(dir, { recursive: true });
  await migrate(`file:${path.join(dir, "template.db")}`);
  project.provide("tmpDir", dir);
  project.provide("engine", "sqlite");
  project.provide("postgresUrl", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
