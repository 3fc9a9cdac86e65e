// `npm run screenshots`: pictures of the built app for reviews and release notes — the chat page with a
// streamed reply (heading, code, table) at 1280 px and 390 px wide, light and dark, English and
// Japanese, plus the sign-in page. Written to SCREENSHOT_DIR (default docs/screenshots). Japanese text
// needs a CJK font on the machine (Debian: fonts-noto-cjk), or it shows as boxes.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { launchChromium, registerIn, root, startBenchApp } from "../bench/support";

const OUT = path.resolve(root, process.env.SCREENSHOT_DIR ?? "docs/screenshots");
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;
const LOCALES = ["en", "ja"] as const;

const REPLY = [
  "## Reading a CSV in TypeScript",
  "",
  "Use **papaparse**: it streams large files and handles quoted fields.",
  "",
  "```ts",
  'import Papa from "papaparse";',
  "",
  "const { data } = Papa.parse<string[]>(text, { skipEmptyLines: true });",
  'console.log(data.length, "rows");',
  "```",
  "",
  "| Option | Default | Meaning |",
  "| --- | --- | --- |",
  "| `header` | `false` | first row names the columns |",
  "| `skipEmptyLines` | `false` | drop blank lines |",
].join("\n");

async function setPreferences(context: BrowserContext, baseUrl: string, theme: string, locale: string) {
  const url = baseUrl;
  await context.addCookies([
    { name: "theme", value: theme, url },
    { name: "locale", value: locale, url },
  ]);
}

async function snap(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log(`  ${name}.png`);
}

mkdirSync(OUT, { recursive: true });
const app = await startBenchApp();
try {
  const browser = await launchChromium();
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await context.newPage();
  await registerIn(page, app.baseUrl);
  // The reply is queued at the double, so the question on screen carries no scenario marker.
  await fetch(`${app.double.url}/__double/queue`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenarios: [`text?text=${encodeURIComponent(REPLY)}`] }),
  });
  await page.getByRole("textbox", { name: "Message" }).fill("How do I read a CSV in TypeScript?");
  await page.getByRole("button", { name: "Send" }).click();
  await page.locator('[data-message-role="assistant"][data-message-status="done"]').waitFor();
  const chatUrl = page.url();
  console.log(`Screenshots in ${path.relative(root, OUT)}/`);
  for (const locale of LOCALES)
    for (const theme of THEMES) {
      await setPreferences(context, app.baseUrl, theme, locale);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await page.goto(chatUrl);
        await page.locator('[data-message-role="assistant"]').last().waitFor();
        await snap(page, `chat-${viewport.name}-${theme}-${locale}`);
      }
    }
  const signedOut = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const login = await signedOut.newPage();
  for (const theme of THEMES) {
    await setPreferences(signedOut, app.baseUrl, theme, "en");
    for (const viewport of VIEWPORTS) {
      await login.setViewportSize(viewport);
      await login.goto(`${app.baseUrl}/login`);
      await snap(login, `login-${viewport.name}-${theme}`);
    }
  }
  await browser.close();
} finally {
  await app.close();
}
