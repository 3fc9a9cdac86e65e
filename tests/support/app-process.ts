// Starts the built app with `next start` as a child process of the caller (not through a wrapper
// script), so that a test or benchmark can SIGKILL the very process serving replies and start it
// again on the same database and port.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

/** Creates or updates the schema of the database at `databaseUrl` (scripts/db.mjs deploy). */
export function migrateDatabase(databaseUrl: string): void {
  const migrated = spawnSync("node", ["scripts/db.mjs", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (migrated.status !== 0) throw new Error(`migrating ${databaseUrl} failed`);
}

export interface AppProcess {
  baseUrl: string;
  port: number;
  pid: number;
  /** Resident memory of the server and its child processes, in bytes. */
  rss(): number;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts `next start` on an already migrated database; resolves once /api/health answers. */
export async function startAppProcess(options: {
  databaseUrl: string;
  env: Record<string, string>;
  port?: number;
  /** Flags for node itself, e.g. --cpu-prof (which NODE_OPTIONS does not accept). */
  nodeArgs?: string[];
}): Promise<AppProcess> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("Build the app first: npm run build");
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    "node",
    [
      ...(options.nodeArgs ?? []),
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
    ],
    {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production", ...options.env, DATABASE_URL: options.databaseUrl },
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitFor(`${baseUrl}/api/health`, 120_000),
    exited.then(() => {
      throw new Error("the app exited while starting");
    }),
  ]);
  const pid = child.pid as number;
  return {
    baseUrl,
    port,
    pid,
    rss: () => treeRss(pid),
    async kill(signal) {
      for (const id of [...descendants(pid), pid]) {
        try {
          process.kill(id, signal);
        } catch {
          // already gone
        }
      }
      await exited;
    },
  };
}

export function descendants(pid: number): number[] {
  const children: number[] = [];
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return children;
  for (const task of readdirSync(tasks)) {
    const file = `${tasks}/${task}/children`;
    if (!existsSync(file)) continue;
    for (const id of readFileSync(file, "utf8").split(/\s+/).filter(Boolean).map(Number)) {
      children.push(id, ...descendants(id));
    }
  }
  return children;
}

function treeRss(pid: number): number {
  let total = 0;
  for (const id of [pid, ...descendants(pid)]) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, "utf8"));
      total += Number(match?.[1] ?? 0) * 1024;
    } catch {
      // exited between the listing and the read
    }
  }
  return total;
}
