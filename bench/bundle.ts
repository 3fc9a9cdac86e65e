// First-load JavaScript (npm run bench:bundle): the scripts chromium loads for each page of the built
// app until the network is idle, gzip-compressed here (level 6, what a typical server sends), and
// the largest chunks. Targets (issue #17): chat page ≤ 180 KB, login ≤ 100 KB.
//   BENCH_BUNDLE_TOP (how many of the largest chunks to list, default 5)
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "@playwright/test";
import { launchChromium, registerIn, startBenchApp } from "./support";

const TOP = Number(process.env.BENCH_BUNDLE_TOP ?? 5);

interface Chunk {
  url: string;
  gzipBytes: number;
}

async function scriptsLoadedBy(page: Page, url: string, ready: (page: Page) => Promise<void>) {
  const chunks: Promise<Chunk | null>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    chunks.push(
      response
        .body()
        .then((body) => ({ url: new URL(response.url()).pathname, gzipBytes: gzipSync(body).length }))
        .catch(() => null),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await ready(page);
  await page.waitForLoadState("networkidle");
  return (await Promise.all(chunks)).filter((chunk): chunk is Chunk => chunk !== null);
}

async function measure(browser: Browser, name: string, url: string, signIn: string | null) {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await context.newPage();
  if (signIn) await registerIn(page, signIn);
  const chunks = await scriptsLoadedBy(page, url, async (loaded) => {
    await loaded.getByRole("button").first().waitFor();
  });
  await context.close();
  const total = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  return { name, total, chunks: chunks.sort((a, b) => b.gzipBytes - a.gzipBytes) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const app = await startBenchApp();
try {
  const browser = await launchChromium();
  const results = [
    await measure(browser, "chat (/ signed in)", `${app.baseUrl}/`, app.baseUrl),
    await measure(browser, "login (/login)", `${app.baseUrl}/login`, null),
  ];
  await browser.close();
  console.log("\nFirst-load JavaScript (gzip), chromium\n");
  for (const result of results) {
    console.log(`${result.name}: ${kb(result.total)} in ${result.chunks.length} scripts`);
    for (const chunk of result.chunks.slice(0, TOP))
      console.log(`  ${kb(chunk.gzipBytes).padStart(9)}  ${chunk.url}`);
  }
} finally {
  await app.close();
}
