import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const BLOCKING = new Set(["serious", "critical"]);

/** One line per failing element: rule id, impact, what axe says, and the element's selector. */
function formatViolations(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(" ")}` +
        (node.failureSummary ? `\n    ${node.failureSummary.replaceAll("\n", "\n    ")}` : ""),
    ),
  );
}

/**
 * Runs axe on the page as it is now (WCAG 2.x A/AA, best practices and the experimental rules such as label-content-name-mismatch) and fails, listing every
 * serious or critical violation, when there is any.
 */
export async function expectNoSeriousViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice", "experimental"])
    .analyze();
  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ""));
  expect(formatViolations(blocking), `axe on ${where}`).toEqual([]);
}
