// Render cost (npm run bench:render): main-thread time in chromium while a 4k-token and a 16k-token
// reply stream into the chat page, and the longest task seen. Linear rendering gives a ratio near 4.
//   BENCH_RENDER_DELAY_MS (gap between upstream events, default 1)
import type { Page } from "@playwright/test";
import { launchChromium, registerIn, startBenchApp } from "./support";

const DELAY_MS = Number(process.env.BENCH_RENDER_DELAY_MS ?? 1);

async function measure(page: Page, tokens: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(page.url().replace(/\/c\/.*$/, "/"));
  // Headless chromium reports no "longtask" entries, so long tasks are measured as gaps between
  // animation frames: a task that blocks the main thread delays the next frame by its length.
  await page.evaluate(() => {
    const state = window as unknown as { frames: [number, number][]; measuring: boolean; doneAt: number };
    state.frames = [];
    state.measuring = true;
    let last = performance.now();
    const tick = (now: number) => {
      state.frames.push([now, now - last]);
      last = now;
      if (state.measuring) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      if (
        !state.doneAt &&
        document.querySelector('[data-message-role="assistant"][data-message-status="done"]')
      )
        state.doneAt = performance.now();
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-message-status"] });
  });
  const taskDuration = async () =>
    ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) *
    1000;
  const before = await taskDuration();
  const sentAt = await page.evaluate(() => performance.now());
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(`render ${tokens} [[double:text?tokens=${tokens}&paragraph=60&delay=${DELAY_MS}]]`);
  await box.press("Enter");
  await page
    .locator('[data-message-role="assistant"][data-message-status="done"]')
    .waitFor({ timeout: 10 * 60_000 });
  const mainThreadMs = (await taskDuration()) - before;
  const { frames, doneAt } = await page.evaluate(() => {
    const state = window as unknown as { frames: [number, number][]; measuring: boolean; doneAt: number };
    state.measuring = false;
    return { frames: state.frames, doneAt: state.doneAt };
  });
  await cdp.detach();
  const gaps = frames.map(([, gap]) => gap);
  // Where each long gap ended: after sending, and relative to the reply being marked done.
  const longGaps = frames
    .filter(([, gap]) => gap > 50)
    .map(
      ([at, gap]) =>
        `${gap.toFixed(0)} ms at +${(at - sentAt).toFixed(0)} ms (done ${(at - doneAt).toFixed(0)} ms)`,
    );
  return {
    tokens,
    mainThreadMs,
    longest: Math.max(0, ...gaps),
    over50: longGaps.length,
    longGaps,
  };
}

const app = await startBenchApp();
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ extraHTTPHeaders: { "Accept-Language": "en" } });
  await registerIn(page, app.baseUrl);
  await measure(page, 500); // warm-up: code loading and compilation
  const small = await measure(page, 4000);
  const large = await measure(page, 16000);
  await browser.close();
  console.log(`\nRender benchmark (chromium, upstream gap ${DELAY_MS} ms, a paragraph every 60 tokens)\n`);
  for (const run of [small, large]) {
    console.log(
      `${String(run.tokens).padStart(6)} tokens: main thread ${run.mainThreadMs.toFixed(0)} ms, longest frame gap ${run.longest.toFixed(0)} ms, ${run.over50} frame gaps > 50 ms`,
    );
    for (const gap of run.longGaps) console.log(`         gap ${gap}`);
  }
  console.log(
    `ratio 16k / 4k: ${(large.mainThreadMs / small.mainThreadMs).toFixed(2)}   (target ≤ 4.5, no task > 50 ms)`,
  );
} finally {
  await app.close();
}
