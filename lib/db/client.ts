// The one Prisma client of this process. The provider (and so the generated client and driver
// adapter) follows DATABASE_URL; both generated clients share one model API.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/prisma/sqlite/client";
import { logger } from "@/lib/log";

export type Db = SqliteClient;

function createClient(): Db {
  const { DATABASE_URL: url, databaseKind } = env();
  if (databaseKind === "postgres") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) });
  // Write-ahead logging: readers never wait for the writer, and a commit does not wait for a full
  // disk sync (safe against corruption; a power cut may lose the last commit).
  void client
    .$queryRawUnsafe("PRAGMA journal_mode = WAL")
    .then(() => client.$queryRawUnsafe("PRAGMA synchronous = NORMAL"))
    .then(() => client.$queryRawUnsafe("PRAGMA busy_timeout = 5000"))
    .catch((error: unknown) => logger.warn({ err: error }, "SQLite pragmas not applied"));
  return client;
}

const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = globalForDb.db ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.db = db;
