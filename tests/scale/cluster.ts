// Two built app instances (`next start` of one build, two ports) on one fresh PostgreSQL database,
// optionally with Redis, plus the Messages-API test double: the processes this suite starts, and
// stops again by their own pids only.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createDatabase, dropDatabase, redisUrl, runName } from "./support";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, ms = 120_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${url}: the process exited`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in time`);
}

/** Heartbeat, sweep and staleness short enough for a test to watch (see lib/scale/liveness.ts). */
export const LIVENESS = {
  HEARTBEAT_INTERVAL_MS: "500",
  SWEEP_INTERVAL_MS: "1000",
  HEARTBEAT_STALE_MS: "3000",
};

export class Instance {
  child: ChildProcess | null = null;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start() {
    const log = path.resolve("test-results", `scale-${this.name}.log`);
    mkdirSync(path.dirname(log), { recursive: true });
    const out = openSync(log, "a");
    this.child = spawn("node", ["node_modules/next/dist/bin/next", "start", "-p", String(this.port)], {
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ["ignore", out, out],
    });
    await waitFor(`${this.url}/api/health`, this.child);
    // The first request of each page is slow on a busy machine: make it here rather than in a test.
    await Promise.all(
      ["/login", "/register"].map((page) => fetch(`${this.url}${page}`).then((r) => r.text())),
    );
  }

  /** Ends the process: SIGKILL (a crash: no clean-up at all) or SIGTERM. */
  async stop(signal: "SIGKILL" | "SIGTERM" = "SIGTERM") {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}

/** The Playwright option each project sets (playwright.scale.config.ts). */
export interface ClusterOptions {
  withRedis: boolean;
}

export interface Cluster {
  a: Instance;
  b: Instance;
  doubleUrl: string;
  stop(): Promise<void>;
}

/** Starts the double and two instances; `redis` adds REDIS_URL (each run gets its own database). */
export async function startCluster(redis: boolean): Promise<Cluster> {
  const database = `${runName}_${redis ? "redis" : "pg"}`;
  const databaseUrl = await createDatabase(database);
  const doublePort = await freePort();
  const double = spawn("node", ["node_modules/tsx/dist/cli.mjs", "tests/double/main.ts"], {
    env: { ...process.env, DOUBLE_PORT: String(doublePort) },
    stdio: "ignore",
  });
  const doubleUrl = `http://127.0.0.1:${doublePort}`;
  await waitFor(`${doubleUrl}/v1/models`, double);
  const env = {
    DATABASE_URL: databaseUrl,
    ...(redis ? { REDIS_URL: redisUrl } : { REDIS_URL: "" }),
    ...LIVENESS,
    ANTHROPIC_BASE_URL: doubleUrl,
    ANTHROPIC_API_KEY: "test-key",
    AUTH_SECRET: "scale-only-secret-scale-only-secret-scale",
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    TITLE_MODEL: "off",
    LIMITS_SCALE: "1000",
    STREAM_STALL_TIMEOUT_MS: "10000",
  };
  const tag = redis ? "redis" : "pg";
  const a = new Instance(`${tag}-a`, await freePort(), env);
  const b = new Instance(`${tag}-b`, await freePort(), env);
  await Promise.all([a.start(), b.start()]);
  return {
    a,
    b,
    doubleUrl,
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
      const exited = new Promise((resolve) => double.once("exit", resolve));
      double.kill("SIGTERM");
      await exited;
      await dropDatabase(database);
    },
  };
}
