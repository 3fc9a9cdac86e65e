// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { BudgetNotice, type BudgetView, useBudgetRefusal } from "@/components/chat/budget-notice";
import { loadMessages } from "@/lib/i18n/catalogue";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(cleanup);

const resetsAt = "2027-01-01T00:00:00.000Z";

function notice(budget: BudgetView, locale: "en" | "ja" = "en") {
  return render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="UTC">
      <BudgetNotice budget={budget} />
    </NextIntlClientProvider>,
  ).container;
}

function Refusal({ params }: { params?: Record<string, string | number> }) {
  return <p>{useBudgetRefusal()(params, "fallback")}</p>;
}

describe("BudgetNotice", () => {
  it("says nothing below 80 % of the budget or without one", () => {
    expect(notice({ budgetUsd: 10, spentUsd: 7.99, resetsAt }).textContent).toBe("");
    expect(notice({ budgetUsd: null, spentUsd: 500, resetsAt }).textContent).toBe("");
  });

  it("warns from 80 % with the spend, the budget and the reset date", () => {
    notice({ budgetUsd: 10, spentUsd: 8.5, resetsAt });
    expect(screen.getByRole("status").textContent).toBe(
      "You have used $8.50 of your monthly budget of $10.00 (85 %). It resets on January 1, 2027.",
    );
    expect(screen.getByRole("status").dataset.budgetLevel).toBe("warning");
  });

  it("says the budget is used up, in Japanese too", () => {
    notice({ budgetUsd: 5, spentUsd: 5, resetsAt }, "ja");
    expect(screen.getByRole("status").dataset.budgetLevel).toBe("exceeded");
    expect(screen.getByRole("status").textContent).toContain("月間予算");
  });
});

describe("the budget_exceeded refusal", () => {
  it("is translated from the server's values, and falls back to its message without them", () => {
    const { container } = render(
      <NextIntlClientProvider locale="en" messages={messages.en} timeZone="UTC">
        <Refusal params={{ budgetUsd: 25, resetsAt }} />
        <Refusal />
      </NextIntlClientProvider>,
    );
    const texts = [...container.querySelectorAll("p")].map((p) => p.textContent);
    expect(texts).toEqual([
      "This would exceed your monthly budget of $25.00. It resets on January 1, 2027.",
      "fallback",
    ]);
  });
});
