// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SearchConversationsSetting } from "@/components/settings/search-conversations-setting";
import { loadMessages } from "@/lib/i18n/catalogue";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSwitch(initial: boolean, locale: "en" | "ja" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <SearchConversationsSetting initial={initial} />
    </NextIntlClientProvider>,
  );
}

const toggle = () => screen.getByRole<HTMLInputElement>("switch", { name: "Search my conversations" });

/** The browser boundary: PATCH /api/settings answers as given. */
function stubFetch(answer: () => Promise<Response>) {
  const fetch = vi.fn((_url: string, _init?: RequestInit) => answer());
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("Search my conversations", () => {
  it("shows the saved value with its explanation", () => {
    renderSwitch(true);
    expect(toggle().checked).toBe(true);
    expect(toggle().getAttribute("aria-checked")).toBe("true");
    expect(
      screen.getByText("Claude may search your earlier conversations when it helps; only yours.").id,
    ).toBe(toggle().getAttribute("aria-describedby"));
  });

  it("saves a change at once and says so", async () => {
    const fetch = stubFetch(async () => Response.json({ promptCaching: true, searchConversations: false }));
    renderSwitch(true);
    fireEvent.click(toggle());
    expect(toggle().checked).toBe(false);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("Saved"));
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/settings");
    expect(init?.method).toBe("PATCH");
    expect(JSON.parse(String(init?.body))).toEqual({ searchConversations: false });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("puts the switch back and alerts with the error code when the server refuses", async () => {
    stubFetch(async () =>
      Response.json({ error: { code: "bad_request:input", message: "Invalid" } }, { status: 400 }),
    );
    renderSwitch(false);
    fireEvent.click(toggle());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Could not save the setting. Try again.");
    expect(alert.dataset.errorCode).toBe("bad_request:input");
    expect(toggle().checked).toBe(false);
    expect(toggle().disabled).toBe(false);
  });

  it("puts the switch back when the server cannot be reached", async () => {
    stubFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    renderSwitch(true);
    fireEvent.click(toggle());
    expect((await screen.findByRole("alert")).dataset.errorCode).toBe("connection_error");
    expect(toggle().checked).toBe(true);
  });

  it("is labelled in Japanese", () => {
    renderSwitch(true, "ja");
    expect(screen.getByRole("switch", { name: "自分の会話を検索" })).toBeDefined();
  });
});
