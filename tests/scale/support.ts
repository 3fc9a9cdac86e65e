// A fresh, migrated PostgreSQL database and a Redis key space for tests of the shared parts
// (real servers: PostgreSQL on PGHOST/PGPORT or 127.0.0.1:5432, Redis on REDIS_TEST_URL or 127.0.0.1:6379).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

const server = {
  host: process.env.PGHOST ?? "127.0.0.1",
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? "postgres",
};

export const redisUrl = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";

/** A unique name for this run (database, channel, key prefix). */
export const runName = `scale_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...server, database: "postgres" });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates and migrates a database; returns its URL. */
export async function createDatabase(name = runName): Promise<string> {
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = `postgresql://${server.user}@${server.host}:${server.port}/${name}`;
  execFileSync("node", ["scripts/db.mjs", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return url;
}

export async function dropDatabase(name = runName) {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
