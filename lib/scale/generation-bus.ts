// The generation bus of this process, chosen by configuration: Redis pub/sub when REDIS_URL is set,
// else PostgreSQL LISTEN/NOTIFY when the database is PostgreSQL (several instances may share it),
// else the in-process bus of a single instance.
import "server-only";
import { type GenerationBus, InProcessBus } from "@/lib/chat/bus";
import { replyProgress, replyStatuses } from "@/lib/db/messages";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { instanceId } from "./instance";
import { SharedBus } from "./shared-bus";
import { PostgresTransport, RedisTransport, type Transport } from "./transports";

export type ScaleMode = "redis" | "postgres" | "single";

export function scaleMode(): ScaleMode {
  const config = env();
  if (config.REDIS_URL) return "redis";
  return config.databaseKind === "postgres" ? "postgres" : "single";
}

function transport(mode: Exclude<ScaleMode, "single">): Transport {
  const config = env();
  return mode === "redis"
    ? new RedisTransport(config.REDIS_URL as string)
    : new PostgresTransport(config.DATABASE_URL);
}

function createBus(): GenerationBus {
  const mode = scaleMode();
  if (mode === "single") return new InProcessBus();
  let lastError = 0;
  return new SharedBus({
    transport: transport(mode),
    instanceId: instanceId(),
    readProgress: replyProgress,
    readStatuses: replyStatuses,
    onError: (error) => {
      // One line per minute at most: a lost channel connection would otherwise flood the log.
      if (Date.now() - lastError < 60_000) return;
      lastError = Date.now();
      logger.error({ err: error, mode }, "the shared generation bus could not publish");
    },
  });
}

const globalForBus = globalThis as unknown as { generationBus?: GenerationBus };

export function generationBus(): GenerationBus {
  globalForBus.generationBus ??= createBus();
  return globalForBus.generationBus;
}
