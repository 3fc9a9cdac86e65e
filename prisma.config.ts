// Prisma CLI configuration: the JavaScript schema engine with a driver adapter, so that
// generate / migrate work offline. The provider is chosen from DATABASE_URL.
import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

if (existsSync(".env")) process.loadEnvFile(".env");
const url = process.env.DATABASE_URL || "file:./data/app.db";
process.env.DATABASE_URL = url;
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: isPostgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/migrations/postgres" : "prisma/migrations/sqlite" },
  async adapter() {
    if (isPostgres) {
      const { cliPostgresAdapter } = await import("./prisma/cli-postgres-adapter");
      return cliPostgresAdapter(url);
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
