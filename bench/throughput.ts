// Relay throughput (npm run bench:throughput): how many replies one app process can stream at once
// with every token still on time. For each concurrency in BENCH_CONCURRENCY (default 100,200,500):
//   floor — that many paced replies read straight from the test double;
//   bare  — the same replies through bench/throughput/bare-relay.mjs, a plain node:http server that
//           reads each upstream stream with fetch and writes its chunks straight back: what any
//           relay in Node costs per event before it does anything with the events;
//   app   — the same replies through the built app (POST /api/chat), every reply in its own
//           conversation, read by plain HTTP clients in a process of their own.
// Each phase keeps its loops busy for BENCH_SECONDS (default 20): a loop sends its next reply as soon
// as the last one ends. Replies are BENCH_TOKENS text deltas (default 100) paced at BENCH_PACE_MS
// (default 20). Reports the added delay between consecutive deltas (gap minus pace, p50/p99), the
// server's CPU time per upstream event, its event-loop delay p99 and peak RSS.
//   THROUGHPUT_PROFILE_DIR=DIR writes a CPU profile of each app phase there (npm run bench:profile -- FILE).
//   BENCH_DATABASE=sqlite|postgres (default sqlite); BENCH_SERVER_NODE_ARGS (e.g. --cpu-prof) go to the server's node.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { descendants } from "../tests/support/app-process";
import {
  type BenchServer,
  createDatabase,
  type DatabaseKind,
  inBatches,
  seedUsers,
  signIn,
  startDoubleProcess,
  startServer,
  startUrlProcess,
} from "./load/stack";
import { root } from "./support";

const setting = (name: string, fallback: string) => process.env[name] ?? fallback;
const CONCURRENCY = setting("BENCH_CONCURRENCY", "100,200,500").split(",").map(Number);
const SECONDS = Number(setting("BENCH_SECONDS", "20"));
const TOKENS = Number(setting("BENCH_TOKENS", "100"));
const PACE_MS = Number(setting("BENCH_PACE_MS", "20"));
const DATABASE = setting("BENCH_DATABASE", "sqlite") as DatabaseKind;
const USERS = 50;

interface ClientSummary {
  turns: number;
  deltas: number;
  upstreamEvents: number;
  errors: Record<string, number>;
  gapMs: { p50: number; p99: number; max: number };
  firstTokenMs: { p50: number; p99: number; max: number };
}

interface ProbeReading {
  cpu: { user: number; system: number };
  loopDelayMs: { p50: number; p99: number; max: number };
}

function runClients(config: Record<string, unknown>): Promise<ClientSummary> {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["bench/throughput/clients.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      THROUGHPUT_CLIENTS: JSON.stringify({ seconds: SECONDS, tokens: TOKENS, paceMs: PACE_MS, ...config }),
    },
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop() as string))
        : reject(new Error(`clients exited ${code}`)),
    ),
  );
}

/** Starts the bare relay (see the top of this file) in front of the double. */
function startBareRelay(upstream: string) {
  return startUrlProcess(
    "the bare relay",
    process.execPath,
    [path.join(root, "bench/throughput/bare-relay.mjs")],
    "BARE_RELAY_URL",
    { ...process.env, BARE_RELAY_UPSTREAM: upstream },
  );
}

/** Asks the server's probe (bench/throughput/probe.mjs) for a reading. */
async function probe(server: BenchServer, pid: number, file: string): Promise<ProbeReading> {
  rmSync(file, { force: true });
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as ProbeReading;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  throw new Error(`the probe of ${server.baseUrl} did not answer`);
}

/** CPU time (user + system) of a process and its children so far, in µs, read from /proc. */
function processCpuUs(pid: number): number {
  let ticks = 0;
  for (const id of [pid, ...descendants(pid)]) {
    const fields = readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return (ticks * 1e6) / 100; // USER_HZ is 100 on Linux
}

function peakRss(server: BenchServer) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rss());
  }, 200);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const added = (gap: number) => fixed(gap - PACE_MS);

const database = await createDatabase(DATABASE);
const double = await startDoubleProcess();
const bare = await startBareRelay(double.url);
const probeFile = path.join(tmpdir(), `throughput-probe-${process.pid}.json`);
process.env.THROUGHPUT_PROBE_FILE = probeFile;
const server = await startServer(database.url, double.url, undefined, [
  "--import",
  path.join(root, "bench/throughput/probe.mjs"),
]);
const rows: string[] = [];
try {
  const emails = await seedUsers(database, USERS);
  const cookies = await inBatches(emails, 4, (email) => signIn(server.baseUrl, email));
  console.log(
    `\nRelay throughput on ${DATABASE}: replies of ${TOKENS} deltas paced at ${PACE_MS} ms, ${SECONDS} s per phase\n`,
  );
  // Warm-up: the first requests of a fresh server compile and cache what every later one reuses.
  await runClients({ mode: "app", url: server.baseUrl, cookies, concurrency: 10, seconds: 5 });
  for (const concurrency of CONCURRENCY) {
    const doubleCpuBefore = processCpuUs(double.pid);
    const floor = await runClients({ mode: "double", url: double.url, concurrency });
    const doubleCpuUs = processCpuUs(double.pid) - doubleCpuBefore;
    const eventsPerReply = floor.upstreamEvents / Math.max(1, floor.turns);
    const bareCpuBefore = processCpuUs(bare.pid);
    const relayed = await runClients({ mode: "double", url: bare.url, concurrency });
    const bareCpuUs = processCpuUs(bare.pid) - bareCpuBefore;
    const before = await probe(server, server.pid, probeFile);
    const rss = peakRss(server);
    const app = await runClients({ mode: "app", url: server.baseUrl, cookies, concurrency });
    const after = await probe(server, server.pid, probeFile);
    const peak = rss();
    const cpuUs = after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system;
    const upstream = app.turns * eventsPerReply;
    const errors = Object.entries(app.errors)
      .map(([kind, count]) => `${kind}×${count}`)
      .join(" ");
    rows.push(
      [
        String(concurrency).padStart(5),
        `${added(app.gapMs.p50)} / ${added(app.gapMs.p99)}`.padStart(15),
        `${added(floor.gapMs.p50)} / ${added(floor.gapMs.p99)}`.padStart(13),
        `${added(relayed.gapMs.p50)} / ${added(relayed.gapMs.p99)}`.padStart(13),
        fixed(cpuUs / Math.max(1, upstream)).padStart(9),
        fixed(bareCpuUs / Math.max(1, relayed.upstreamEvents)).padStart(8),
        fixed(doubleCpuUs / Math.max(1, floor.upstreamEvents)).padStart(10),
        fixed(after.loopDelayMs.p99).padStart(8),
        fixed(peak / 2 ** 20, 0).padStart(8),
        `${app.turns} (${fixed(upstream / SECONDS, 0)}/s)`.padStart(16),
        fixed(app.firstTokenMs.p50 - floor.firstTokenMs.p50).padStart(9),
        errors || "0",
      ].join(" │"),
    );
    console.log(rows.at(-1));
  }
} finally {
  await server.kill("SIGTERM");
  bare.stop();
  double.stop();
  await database.drop();
  rmSync(probeFile, { force: true });
}
console.log(
  [
    "",
    "added gap: delay between consecutive deltas beyond the pace (ms, p50 / p99): app, floor (the double read directly), bare relay",
    "CPU µs/ev: server CPU time / upstream events (bare: the bare relay's; double: the stand-in's own CPU per event it writes); loop p99: server event-loop delay (ms); RSS: peak MB",
    "replies: finished through the app (upstream events per second); TTFT+: first-token p50, app minus floor (ms)",
    "",
    "    N │ added gap, app │ added, floor │  added, bare │ CPU µs/ev │ bare µs │ double µs │ loop p99 │ RSS MB │         replies │    TTFT+ │ errors",
    ...rows,
    "",
    "targets at 500: added gap p99 ≤ 50 ms, ≤ 20 µs CPU per upstream event, RSS ≤ 1 GB",
  ].join("\n"),
);
