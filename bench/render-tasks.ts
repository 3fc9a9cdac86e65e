// Main-thread tasks while a long reply streams in (npm run bench:render:tasks): headless chromium
// reports no "longtask" entries, so this records a performance trace of a 16k-token reply and lists
// the longest tasks and what ran inside the longest one. (bench:render measures frame gaps instead,
// which also count frames the compositor skipped while no task ran.)
//   BENCH_TASK_TOKENS (default 16000)
import { launchChromium, registerIn, startBenchApp } from "./support";

const TOKENS = Number(process.env.BENCH_TASK_TOKENS ?? 16000);

interface TraceEvent {
  name: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

async function send(page: import("@playwright/test").Page, tokens: number) {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(`tasks ${tokens} [[double:text?tokens=${tokens}&paragraph=60&delay=1]]`);
  await box.press("Enter");
  await page
    .locator('[data-message-role="assistant"][data-message-status="done"]')
    .waitFor({ timeout: 10 * 60_000 });
}

const app = await startBenchApp();
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ extraHTTPHeaders: { "Accept-Language": "en" } });
  await registerIn(page, app.baseUrl);
  await send(page, 300); // warm-up: code loading and compilation
  await page.goto(`${app.baseUrl}/`);
  await page.locator("main[data-chat-ready]").waitFor();
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"],
  });
  await send(page, TOKENS);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  await browser.close();

  // Only the renderer's main thread: the browser's IO and compositor threads run long idle tasks too.
  const mainThreads = new Set(
    traceEvents
      .filter((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain")
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const tasks = traceEvents
    .filter((event) => event.name === "RunTask" && event.dur && mainThreads.has(`${event.pid}:${event.tid}`))
    .sort((a, b) => b.dur! - a.dur!);
  const ms = (micros = 0) => `${(micros / 1000).toFixed(1)} ms`;
  console.log(`\nMain-thread tasks while a ${TOKENS}-token reply streams in (chromium trace)\n`);
  console.log(`tasks: ${tasks.length}, over 50 ms: ${tasks.filter((task) => task.dur! > 50_000).length}`);
  console.log(
    `longest: ${tasks
      .slice(0, 8)
      .map((task) => ms(task.dur))
      .join(", ")}`,
  );
  const longest = tasks[0];
  if (longest) {
    const inside = traceEvents.filter(
      (event) =>
        event.pid === longest.pid &&
        event.tid === longest.tid &&
        event.ts >= longest.ts &&
        event.ts < longest.ts + longest.dur! &&
        event.name !== "RunTask" &&
        (event.dur ?? 0) > 2_000,
    );
    console.log("inside the longest:");
    for (const event of inside.slice(0, 10)) console.log(`  ${event.name} ${ms(event.dur)}`);
  }
} finally {
  await app.close();
}
