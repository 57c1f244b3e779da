import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The PostgreSQL schema's CLI config (`prisma generate` of its client). Its
// migrations are applied by src/postgres/migrate.ts, not `prisma migrate
// deploy`, which fails through the pg adapter (prisma/prisma#27403).
process.env.DATABASE_URL ??= "postgresql://localhost/claimtrack";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
});
