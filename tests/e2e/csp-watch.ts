// Content-Security-Policy violations a page reports, for specs that prove a feature causes none.
import type { Page } from "@playwright/test";

declare global {
  interface Window {
    cspViolations?: string[];
    injected?: string[];
  }
}

/** Records every CSP violation the page reports (event and console), from before its first script. */
export async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
      window.cspViolations?.push(`${event.effectiveDirective} ${event.blockedURI} at ${where}`);
    });
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => window.cspViolations ?? []))];
}
