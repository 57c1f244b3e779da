import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../src/db.ts";

export const TMP = path.resolve(import.meta.dirname, "../.tmp");
export const TEMPLATE = path.join(TMP, "template.db");

/** Migrates one template database; each test file copies it (a migration per file would cost seconds). */
export default async function setup() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  await migrate(`file:${TEMPLATE}`);
}
