// What bench:load runs against: a fresh database (SQLite file or PostgreSQL database), the
// Messages-API test double in a process of its own, and the built app started directly with
// `next start` so that a SIGKILL reaches the process that serves the replies.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { type AppProcess, migrateDatabase, startAppProcess } from "../../tests/support/app-process";
import { root } from "../support";

export type DatabaseKind = "sqlite" | "postgres";

export interface BenchDatabase {
  kind: DatabaseKind;
  url: string;
  /** Inserts users straight into the table (benchmark seeding). */
  insertUsers(rows: { id: string; email: string; passwordHash: string }[]): Promise<void>;
  drop(): Promise<void>;
}

const PG = { host: "127.0.0.1", port: 5432, user: "postgres" };

export async function createDatabase(kind: DatabaseKind): Promise<BenchDatabase> {
  const name = `load_${Date.now()}_${process.pid}`;
  const url =
    kind === "sqlite"
      ? `file:${path.join(tmpdir(), `${name}.db`)}`
      : `postgresql://${PG.user}@${PG.host}:${PG.port}/${name}`;
  if (kind === "postgres") await adminQuery(`CREATE DATABASE "${name}"`);
  migrateDatabase(url);
  return {
    kind,
    url,
    async insertUsers(rows) {
      if (kind === "sqlite") {
        const sqlite = new Database(url.slice("file:".length));
        const insert = sqlite.prepare(
          `INSERT INTO "User" ("id", "email", "passwordHash", "updatedAt") VALUES (?, ?, ?, ?)`,
        );
        sqlite.transaction(() => {
          for (const row of rows) insert.run(row.id, row.email, row.passwordHash, Date.now());
        })();
        sqlite.close();
        return;
      }
      const client = new pg.Client({ ...PG, database: name });
      await client.connect();
      for (const row of rows) {
        await client.query(
          `INSERT INTO "User" ("id", "email", "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`,
          [row.id, row.email, row.passwordHash],
        );
      }
      await client.end();
    },
    async drop() {
      if (kind === "postgres") await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      else for (const suffix of ["", "-wal", "-shm"]) rmSync(`${url.slice(5)}${suffix}`, { force: true });
    },
  };
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ ...PG, database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A helper process that prints `<marker>=<url>` once it listens; resolves with that URL. */
export async function startUrlProcess(
  name: string,
  command: string,
  args: string[],
  marker: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ url: string; pid: number; stop(): void }> {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"], env });
  const found = new RegExp(`${marker}=(\\S+)`);
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = found.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`${name} exited (${code})`)));
  });
  return { url, pid: child.pid as number, stop: () => child.kill("SIGTERM") };
}

/** The test double in its own process (so its pacing does not share an event loop with the clients). */
export function startDoubleProcess(): Promise<{ url: string; pid: number; stop(): void }> {
  return startUrlProcess(
    "the test double",
    path.join(root, "node_modules/.bin/tsx"),
    ["tests/double/main.ts"],
    "DOUBLE_URL",
  );
}

export type BenchServer = AppProcess;

/** Starts the app; `port` again for a restart (an instance is its host and port: see lib/scale/instance.ts). */
export function startServer(
  databaseUrl: string,
  doubleUrl: string,
  port?: number,
  nodeArgs: string[] = [],
): Promise<BenchServer> {
  return startAppProcess({
    databaseUrl,
    port,
    env: {
      ANTHROPIC_BASE_URL: doubleUrl,
      ANTHROPIC_API_KEY: "bench",
      AUTH_SECRET: "bench-only-secret-bench-only-secret-bench",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      TITLE_MODEL: "off",
      LOG_LEVEL: "warn",
      LIMITS_SCALE: process.env.LIMITS_SCALE ?? "1000",
    },
    nodeArgs: [...nodeArgs, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
  });
}

export const BENCH_PASSWORD = "bench-password";

/** Creates `count` users directly in the database (one password hash shared by all: hashing is not under test). */
export async function seedUsers(database: BenchDatabase, count: number): Promise<string[]> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const stamp = Date.now().toString(36);
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `load${stamp}u${i}`,
    email: `load-${stamp}-${i}@example.test`,
    passwordHash,
  }));
  await database.insertUsers(rows);
  return rows.map((row) => row.email);
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] as string);
}

/** Signs in through Auth.js's credentials endpoint, as the login form does; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.join("; "),
      origin: baseUrl,
    },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD, csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`signing in ${email} failed (${response.status})`);
  return session;
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
