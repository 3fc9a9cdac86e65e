// The one Prisma client of this process. The provider (and so the generated client and driver
// adapter) follows DATABASE_URL; both generated clients share one model API.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/prisma/sqlite/client";

export type Db = SqliteClient;

function createClient(): Db {
  const { DATABASE_URL: url, databaseKind } = env();
  if (databaseKind === "postgres") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = globalForDb.db ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.db = db;
