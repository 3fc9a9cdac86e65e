// Long conversations (npm run bench:long): a 2,000-message conversation in chromium. How long until
// its newest message is on screen after navigation, and how long each page of older messages takes
// to appear when scrolling up, with the longest frame gap (main-thread block) while it does.
import type { Page } from "@playwright/test";
import { longConversationFile } from "../tests/support/long-conversation";
import { launchChromium, percentile, registerIn, startBenchApp } from "./support";

const TURNS = 1000;
const OPENS = 15;
const PAGES_UP = 20;

/** Replies of realistic length: a few paragraphs, a list, and a code block every fifth turn. */
function answer(turn: number): string {
  const paragraph = `Reply ${turn}: ${"The quick brown fox jumps over the lazy dog. ".repeat(6)}`;
  const list = ["- first point", "- second point with **bold** text", "- third point"].join("\n");
  const code =
    turn % 5 === 0 ? `\n\n\`\`\`ts\nconst answer${turn} = ${turn};\nconsole.log(answer${turn});\n\`\`\`` : "";
  return `${paragraph}\n\n${list}\n\n${paragraph}${code}\n\nAnswer number ${turn}`;
}

async function timeToNewest(page: Page, url: string): Promise<number> {
  const started = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.getByText(`Answer number ${TURNS}`, { exact: true }).waitFor({ state: "visible" });
  return Date.now() - started;
}

async function scrollUpPages(page: Page) {
  await page.locator("main[data-chat-ready]").waitFor();
  await page.evaluate(() => {
    const state = window as unknown as { frameGaps: number[] };
    state.frameGaps = [];
    let last = performance.now();
    const tick = (now: number) => {
      state.frameGaps.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const list = page.locator("main [data-message-list]");
  const count = () => page.locator("[data-message-role]").count();
  const durations: number[] = [];
  for (let round = 0; round < PAGES_UP; round++) {
    const before = await count();
    const started = Date.now();
    await list.evaluate((element) => {
      element.parentElement!.scrollTop = 0;
    });
    while ((await count()) === before) await page.waitForTimeout(5);
    durations.push(Date.now() - started);
  }
  const gaps = await page.evaluate(() => (window as unknown as { frameGaps: number[] }).frameGaps);
  return { durations, longestGap: Math.max(0, ...gaps), over50: gaps.filter((gap) => gap > 50).length };
}

const app = await startBenchApp();
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ extraHTTPHeaders: { "Accept-Language": "en" } });
  await registerIn(page, app.baseUrl);
  const response = await page.request.post(`${app.baseUrl}/api/import`, {
    data: longConversationFile(TURNS, answer),
  });
  if (response.status() !== 201)
    throw new Error(`import failed: ${response.status()} ${await response.text()}`);
  const url = `${app.baseUrl}/c/${((await response.json()) as { id: string }).id}`;
  await timeToNewest(page, url); // warm-up
  const opens: number[] = [];
  for (let run = 0; run < OPENS; run++) opens.push(await timeToNewest(page, url));
  const older = await scrollUpPages(page);
  await browser.close();
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`\nLong conversation: ${TURNS * 2} messages (chromium, built app, SQLite)\n`);
  console.log(
    `open → newest message visible: p50 ${ms(percentile(opens, 50))}, p95 ${ms(percentile(opens, 95))}, max ${ms(Math.max(...opens))}   (target ≤ 1 s)`,
  );
  console.log(
    `scroll to top → older page shown (${PAGES_UP} pages): p50 ${ms(percentile(older.durations, 50))}, p95 ${ms(percentile(older.durations, 95))}`,
  );
  console.log(
    `while scrolling back: longest frame gap ${ms(older.longestGap)}, ${older.over50} gaps > 50 ms`,
  );
} finally {
  await app.close();
}
