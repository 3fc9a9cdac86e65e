// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ModelPicker } from "@/components/chat/model-picker";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { ModelInfo } from "@/lib/model/types";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const sonnet: ModelInfo = {
  id: "claude-sonnet-4-6",
  displayName: "Claude Sonnet 4.6",
  contextWindow: 1_000_000,
  maxOutputTokens: 64_000,
  deprecated: false,
  samplingParams: true,
  imageInput: true,
  thinking: { adaptive: true, budget: true, effort: ["low", "medium", "high"] },
};
const old: ModelInfo = {
  ...sonnet,
  id: "claude-old-1",
  displayName: "Claude Old 1 with a rather long name",
  contextWindow: 200_000,
  deprecated: true,
  imageInput: false,
  thinking: { adaptive: false, budget: false, effort: [] },
};

function renderPicker(locale: "en" | "ja" = "en") {
  return render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <ModelPicker
        models={[sonnet, old]}
        model={sonnet.id}
        onChange={() => {}}
        offersTools={(model) => model.id === sonnet.id}
      />
    </NextIntlClientProvider>,
  );
}

const option = (id: string) =>
  [...screen.getByRole<HTMLSelectElement>("combobox", { name: /Model|モデル/ }).options].find(
    (candidate) => candidate.value === id,
  );

describe("ModelPicker", () => {
  it("shows name, context window, price and capabilities in each option where selects are customizable", () => {
    vi.stubGlobal("CSS", { supports: () => true });
    renderPicker();
    const current = option(sonnet.id);
    expect(current?.textContent).toContain("Claude Sonnet 4.6");
    expect(current?.textContent).toContain("1M context · $3 / $15 per MTok");
    const badges = [...(current?.querySelectorAll("[data-model-badge]") ?? [])].map((badge) =>
      badge.textContent?.trim(),
    );
    expect(badges).toEqual(["Vision", "Thinking", "Tools", "PDF"]);
    expect(current?.querySelector("[data-model-deprecated]")).toBeNull();

    const deprecated = option(old.id);
    expect(deprecated?.textContent).toContain("Claude Old 1 with a rather long name");
    expect(deprecated?.querySelector("[data-model-deprecated]")?.textContent).toBe("Deprecated");
    expect(deprecated?.textContent).toContain("200K context · price unknown");
    expect(deprecated?.querySelectorAll("[data-model-badge]")).toHaveLength(0);
  });

  it("reads the same in Japanese", () => {
    vi.stubGlobal("CSS", { supports: () => true });
    renderPicker("ja");
    expect(option(sonnet.id)?.textContent).toContain("$3 / $15（100万トークンあたり）");
    expect(option(old.id)?.querySelector("[data-model-deprecated]")?.textContent).toBe("非推奨");
  });

  it("falls back to plain options reading name · context where selects are not customizable", () => {
    vi.stubGlobal("CSS", { supports: () => false });
    renderPicker();
    expect(option(sonnet.id)?.textContent).toBe("Claude Sonnet 4.6 · 1M context");
    expect(option(old.id)?.textContent).toBe(
      "Claude Old 1 with a rather long name · 200K context (deprecated)",
    );
  });
});
