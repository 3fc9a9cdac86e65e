// The connections shared limits use when several instances may run: Redis when REDIS_URL is set,
// else PostgreSQL when the database is; null for a single instance (limits stay in memory).
import "server-only";
import { Redis } from "ioredis";
import pg from "pg";
import { PostgresSignInGate } from "@/lib/auth/sign-in-gate-postgres";
import { RedisSignInGate } from "@/lib/auth/sign-in-gate-redis";
import { env } from "@/lib/env";
import { PostgresRateLimiter } from "@/lib/limits/rate-limiter-postgres";
import { RedisRateLimiter } from "@/lib/limits/rate-limiter-redis";
import { PostgresReplySlots } from "@/lib/limits/reply-slots-postgres";
import { logger } from "@/lib/log";

const globalForStores = globalThis as unknown as { limitsPool?: pg.Pool; limitsRedis?: Redis };

function pool(): pg.Pool | null {
  const config = env();
  if (config.databaseKind !== "postgres") return null;
  if (!globalForStores.limitsPool) {
    const created = new pg.Pool({ connectionString: config.DATABASE_URL, max: 4 });
    created.on("error", (error) => logger.warn({ err: error }, "a limits database connection failed"));
    globalForStores.limitsPool = created;
  }
  return globalForStores.limitsPool;
}

function redis(): Redis | null {
  const url = env().REDIS_URL;
  if (!url) return null;
  if (!globalForStores.limitsRedis) {
    const created = new Redis(url, { maxRetriesPerRequest: 2 });
    created.on("error", (error) => logger.warn({ err: error }, "the limits Redis connection failed"));
    globalForStores.limitsRedis = created;
  }
  return globalForStores.limitsRedis;
}

/** A rate limiter shared by every instance, or null for memory. */
export function sharedRateLimiter() {
  const client = redis();
  if (client) return new RedisRateLimiter(client);
  const database = pool();
  return database ? new PostgresRateLimiter(database) : null;
}

export function sharedSignInGate() {
  const client = redis();
  if (client) return new RedisSignInGate(client);
  const database = pool();
  return database ? new PostgresSignInGate(database) : null;
}

/** The concurrent-reply check across instances needs the replies' rows: PostgreSQL only. */
export function sharedReplySlots() {
  const database = pool();
  return database ? new PostgresReplySlots(database) : null;
}
