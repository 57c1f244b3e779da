import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchema } from "../scripts/postgres-schema.ts";

// Prisma takes no env() for a provider, so PostgreSQL has its own schema
// file: it must stay the SQLite one's models with the other provider.
describe("prisma/postgresql/schema.prisma", () => {
  it("is prisma/schema.prisma with the postgresql provider and its own client (npm run prisma:postgres writes it)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });
});
