// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { ModelSettings } from "@/components/chat/model-settings";
import type { ParamsState } from "@/components/chat/reply-params";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { ModelInfo } from "@/lib/model/types";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(cleanup);

const base: Omit<ModelInfo, "id" | "thinking"> = {
  displayName: "",
  contextWindow: 200_000,
  maxOutputTokens: 64_000,
  deprecated: false,
  samplingParams: true,
  imageInput: true,
};
const models: ModelInfo[] = [
  {
    ...base,
    id: "adaptive",
    displayName: "Adaptive",
    thinking: { adaptive: true, budget: false, effort: ["low", "medium", "high", "xhigh", "max"] },
  },
  { ...base, id: "budget", displayName: "Budget", thinking: { adaptive: false, budget: true, effort: [] } },
  { ...base, id: "plain", displayName: "Plain", thinking: { adaptive: false, budget: false, effort: [] } },
];

let latest: ParamsState;

function Harness({ model, initial }: { model: string; initial: ParamsState }) {
  const [params, setParams] = useState(initial);
  latest = params;
  return (
    <ModelSettings
      models={models}
      model={model}
      onModelChange={() => {}}
      params={params}
      onParamsChange={setParams}
      promptCaching
      onPromptCachingChange={() => {}}
    />
  );
}

function renderSettings(
  model: string,
  initial: ParamsState = { thinking: "off" },
  locale: "en" | "ja" = "en",
) {
  return render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <Harness model={model} initial={initial} />
    </NextIntlClientProvider>,
  );
}

const thinkingBox = () => screen.getByRole<HTMLSelectElement>("combobox", { name: "Thinking" });
const options = (select: HTMLSelectElement) =>
  [...select.options].map((option) => [option.value, option.textContent]);

/** Presses Parameters and waits for its popover (its code loads on first use). */
async function openParameters() {
  fireEvent.click(screen.getByRole("button", { name: "Parameters" }));
  return screen.findByRole("dialog", { name: "Parameters" });
}

describe("ModelSettings: Thinking", () => {
  it("offers off and the effort levels of an adaptive model", () => {
    renderSettings("adaptive");
    expect(options(thinkingBox())).toEqual([
      ["off", "Off"],
      ["low", "Low"],
      ["medium", "Medium"],
      ["high", "High"],
      ["xhigh", "Extra high"],
      ["max", "Max"],
    ]);
    expect(thinkingBox().value).toBe("off");
  });

  it("offers off and on for a budget model, in Japanese too", () => {
    renderSettings("budget", { thinking: "on" }, "ja");
    const select = screen.getByRole<HTMLSelectElement>("combobox", { name: "思考" });
    expect(options(select)).toEqual([
      ["off", "オフ"],
      ["on", "オン"],
    ]);
    expect(select.value).toBe("on");
  });

  it("is not shown for a model that cannot think", () => {
    renderSettings("plain");
    expect(screen.queryByRole("combobox", { name: "Thinking" })).toBeNull();
    expect(screen.getByRole("combobox", { name: "Model" })).toBeDefined();
  });

  it("keeps the choice in the parameters", () => {
    renderSettings("adaptive");
    fireEvent.change(thinkingBox(), { target: { value: "max" } });
    expect(latest.thinking).toBe("max");
  });

  it("disables temperature and top-k while thinking, and says why", async () => {
    renderSettings("adaptive", { thinking: "off", temperature: 0.4 });
    await openParameters();
    const temperature = screen.getByRole<HTMLInputElement>("spinbutton", { name: "Temperature" });
    expect(temperature.disabled).toBe(false);
    fireEvent.change(thinkingBox(), { target: { value: "high" } });
    expect(temperature.disabled).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("spinbutton", { name: "Top-k" }).disabled).toBe(true);
    expect(temperature.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(temperature.getAttribute("aria-describedby")!)!.textContent).toBe(
      "Temperature and top-k are not used while thinking is on.",
    );
    expect(latest.temperature).toBe(0.4); // kept for when thinking is off again
  });

  it("explains that a low top-p is not sent while thinking", async () => {
    renderSettings("adaptive", { thinking: "low", topP: 0.9 });
    await openParameters();
    const topP = screen.getByRole<HTMLInputElement>("spinbutton", { name: "Top-p" });
    expect(topP.disabled).toBe(false);
    expect(screen.getByText("While thinking is on, top-p is used only from 0.95 up.")).toBeDefined();
    fireEvent.change(topP, { target: { value: "0.97" } });
    expect(screen.queryByText("While thinking is on, top-p is used only from 0.95 up.")).toBeNull();
  });

  it("asks for a thinking budget only for a budget model with thinking on", async () => {
    renderSettings("budget");
    await openParameters();
    expect(screen.queryByRole("spinbutton", { name: "Thinking budget" })).toBeNull();
    fireEvent.change(thinkingBox(), { target: { value: "on" } });
    const field = screen.getByRole<HTMLInputElement>("spinbutton", { name: "Thinking budget" });
    expect(field.min).toBe("1024");
    fireEvent.change(field, { target: { value: "4096" } });
    expect(latest.thinkingBudget).toBe(4096);
    cleanup();
    renderSettings("adaptive", { thinking: "high" });
    await openParameters();
    expect(screen.queryByRole("spinbutton", { name: "Thinking budget" })).toBeNull();
  });
});

describe("ModelSettings: Parameters", () => {
  it("opens a popover of fields; Escape closes it, gives focus back and keeps the values", async () => {
    renderSettings("plain");
    const trigger = screen.getByRole("button", { name: "Parameters" });
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("spinbutton", { name: "Max tokens" })).toBeNull();

    const panel = await openParameters();
    for (const name of ["Max tokens", "Temperature", "Top-p", "Top-k"])
      expect(screen.getByRole("spinbutton", { name })).toBeDefined();
    expect(screen.getByRole("textbox", { name: "Stop sequences (one per line)" })).toBeDefined();
    expect(screen.getByRole("checkbox", { name: "Prompt caching" })).toBeDefined();
    expect(screen.getByRole("button", { name: "Parameters" }).getAttribute("aria-expanded")).toBe("true");

    fireEvent.change(screen.getByRole("spinbutton", { name: "Temperature" }), { target: { value: "0.3" } });
    expect(latest.temperature).toBe(0.3);
    fireEvent.keyDown(panel, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Parameters" })).toBeNull());
    const button = screen.getByRole("button", { name: "Parameters" });
    // Radix gives focus back once the panel has gone.
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(button.getAttribute("aria-expanded")).toBe("false");

    fireEvent.click(button);
    const temperature = await screen.findByRole<HTMLInputElement>("spinbutton", { name: "Temperature" });
    expect(temperature.value).toBe("0.3");
  });

  it("is named in Japanese too", async () => {
    renderSettings("plain", { thinking: "off" }, "ja");
    fireEvent.click(screen.getByRole("button", { name: "パラメーター" }));
    expect(await screen.findByRole("dialog", { name: "パラメーター" })).toBeDefined();
  });
});
