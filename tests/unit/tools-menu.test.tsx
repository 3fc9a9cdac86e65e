// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emptyReply } from "@/components/chat/chat-state";
import { type ChatOptions, ChatView, type ConversationData } from "@/components/chat/chat-view";
import { offeredTools, toolsToSend } from "@/components/chat/tool-selection";
import { ToolsMenu } from "@/components/chat/tools-menu";
import type { ConnectorView } from "@/lib/connectors/schema";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { ModelInfo } from "@/lib/model/types";
import { NO_TOOLS_CHOSEN, type ToolChoices } from "@/lib/tools/choices";
import { type DisabledTools, SERVER_TOOL_IDS } from "@/lib/tools/server-tools";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

const base: Omit<ModelInfo, "id" | "displayName"> = {
  contextWindow: 200_000,
  maxOutputTokens: 64_000,
  deprecated: false,
  samplingParams: true,
  imageInput: true,
  thinking: { adaptive: false, budget: false, effort: [] },
};
const coder: ModelInfo = { ...base, id: "coder", displayName: "Coder" };
const noCode: ModelInfo = { ...base, id: "no-code", displayName: "No code", codeExecution: false };
const connectors: ConnectorView[] = [
  { id: "con_wiki", name: "wiki", url: "https://mcp.example/wiki", hasToken: true, allowedTools: null },
  {
    id: "con_docs",
    name: "docs",
    url: "https://docs.example/mcp",
    hasToken: false,
    allowedTools: ["search"],
  },
];
const none: DisabledTools = new Set();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

let latest: ToolChoices;

function Harness({
  model = coder,
  disabled = none,
  initial = NO_TOOLS_CHOSEN,
  list = connectors,
}: {
  model?: ModelInfo;
  disabled?: DisabledTools;
  initial?: ToolChoices;
  list?: ConnectorView[];
}) {
  const [choices, setChoices] = useState(initial);
  latest = choices;
  return (
    <div>
      <ToolsMenu
        offered={offeredTools(model, disabled, list)}
        choices={choices}
        onChange={setChoices}
        connectorsEnabled={!disabled.has("connectors")}
      />
      <p>outside</p>
    </div>
  );
}

function renderMenu(props: Parameters<typeof Harness>[0] = {}, locale: "en" | "ja" = "en") {
  return render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <Harness {...props} />
    </NextIntlClientProvider>,
  );
}

const toolsButton = () => screen.getByRole("button", { name: "Tools" });
const switchNames = () =>
  screen
    .queryAllByRole("switch")
    .map((element) => element.getAttribute("aria-label") ?? element.closest("label")?.textContent);

describe("tool selection", () => {
  it("offers the server tools the model supports and the admin allows, and connectors unless turned off", () => {
    expect(offeredTools(coder, none, connectors).server).toEqual([
      "web_search",
      "web_fetch",
      "code_execution",
    ]);
    expect(offeredTools(noCode, none, connectors).server).toEqual(["web_search", "web_fetch"]);
    const offered = offeredTools(coder, new Set(["web_fetch", "connectors"] as const), connectors);
    expect(offered).toEqual({ server: ["web_search", "code_execution"], connectors: [] });
  });

  it("sends only what is offered now, in menu order", () => {
    const choices: ToolChoices = {
      server: ["code_execution", "web_search"],
      connectors: ["con_docs", "con_gone"],
    };
    expect(toolsToSend(choices, offeredTools(coder, none, connectors))).toEqual({
      server: ["web_search", "code_execution"],
      connectors: ["con_docs"],
    });
    expect(toolsToSend(choices, offeredTools(noCode, none, connectors)).server).toEqual(["web_search"]);
    const demo: DisabledTools = new Set([...SERVER_TOOL_IDS, "connectors"]);
    expect(toolsToSend(choices, offeredTools(coder, demo, connectors))).toEqual(NO_TOOLS_CHOSEN);
  });
});

describe("ToolsMenu", () => {
  it("opens from a button named Tools with a switch per offered tool and connector", () => {
    renderMenu();
    const button = toolsButton();
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("switch")).toBeNull(); // hidden while closed
    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(switchNames()).toEqual(["Web search", "Web fetch", "Code execution", "wiki", "docs"]);
    for (const name of ["Web search", "Web fetch", "Code execution", "wiki", "docs"]) {
      const toggle = screen.getByRole<HTMLInputElement>("switch", { name });
      expect(toggle.checked).toBe(false);
      expect(toggle.getAttribute("aria-checked")).toBe("false");
    }
    // Connectors are described by their host, outside their name.
    expect(screen.getByRole("switch", { name: "wiki" }).getAttribute("aria-describedby")).toBeTruthy();
    expect(screen.getByText("mcp.example")).toBeDefined();
  });

  it("hides what the model does not offer and what the admin turned off", () => {
    renderMenu({ model: noCode, disabled: new Set(["web_search", "connectors"] as const) });
    fireEvent.click(toolsButton());
    expect(switchNames()).toEqual(["Web fetch"]);
    expect(screen.queryByText("Add one in Settings")).toBeNull();
  });

  it("says when nothing is offered (demo mode)", () => {
    renderMenu({ disabled: new Set([...SERVER_TOOL_IDS, "connectors"]) });
    fireEvent.click(toolsButton());
    expect(screen.queryByRole("switch")).toBeNull();
    expect(screen.getByText("No tools are available for this model.")).toBeDefined();
  });

  it("points to Settings when the user has no connectors", () => {
    renderMenu({ list: [] });
    fireEvent.click(toolsButton());
    expect(screen.getByRole("link", { name: "Add one in Settings" }).getAttribute("href")).toBe("/settings");
  });

  it("switches tools on and off, counting them beside the name", () => {
    renderMenu();
    fireEvent.click(toolsButton());
    fireEvent.click(screen.getByRole("switch", { name: "Web search" }));
    fireEvent.click(screen.getByRole("switch", { name: "wiki" }));
    expect(latest).toEqual({ server: ["web_search"], connectors: ["con_wiki"] });
    expect(screen.getByRole<HTMLInputElement>("switch", { name: "Web search" }).checked).toBe(true);
    expect(screen.getByRole("switch", { name: "Web search" }).getAttribute("aria-checked")).toBe("true");
    // The count is shown but kept out of the accessible name.
    const button = toolsButton();
    expect(button.getAttribute("aria-label")).toBe("Tools");
    expect(button.querySelector("[data-tools-on]")?.textContent).toBe("2");
    expect(button.querySelector("[data-tools-on]")?.getAttribute("aria-hidden")).toBe("true");
    expect(document.getElementById(button.getAttribute("aria-describedby")!)?.textContent).toBe("2 tools on");
    fireEvent.click(screen.getByRole("switch", { name: "Web search" }));
    expect(latest).toEqual({ server: [], connectors: ["con_wiki"] });
  });

  it("counts only what the current model offers", () => {
    renderMenu({ model: noCode, initial: { server: ["code_execution", "web_fetch"], connectors: [] } });
    expect(toolsButton().querySelector("[data-tools-on]")?.textContent).toBe("1");
  });

  it("closes on Escape, returning focus to the button, and on a click outside", () => {
    renderMenu();
    fireEvent.click(toolsButton());
    const toggle = screen.getByRole("switch", { name: "Web fetch" });
    toggle.focus();
    fireEvent.keyDown(toggle, { key: "Escape" });
    expect(toolsButton().getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(toolsButton());
    fireEvent.click(toolsButton());
    fireEvent.pointerDown(screen.getByRole("switch", { name: "Web fetch" }));
    expect(toolsButton().getAttribute("aria-expanded")).toBe("true"); // inside: stays open
    fireEvent.pointerDown(screen.getByText("outside"));
    expect(toolsButton().getAttribute("aria-expanded")).toBe("false");
  });

  it("is labelled in Japanese", () => {
    renderMenu({}, "ja");
    fireEvent.click(screen.getByRole("button", { name: "ツール" }));
    expect(screen.getByRole("switch", { name: "ウェブ検索" })).toBeDefined();
    expect(screen.getByRole("switch", { name: "コード実行" })).toBeDefined();
  });
});

// ChatView sends the choices with every request: stub the browser boundary and read the bodies.
describe("ChatView: what is sent", () => {
  const sent: Record<string, unknown>[] = [];

  beforeEach(() => {
    sent.length = 0;
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        observe() {}
        disconnect() {}
      },
    );
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === "/api/chat") {
          sent.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
          return new Response(null, { status: 503 });
        }
        return Response.json({});
      }),
    );
  });

  const reply = {
    ...emptyReply("msg_a1", "coder"),
    status: "done" as const,
    content: [{ type: "text", text: "Hi" }],
  };
  const conversation = (tools: ToolChoices): ConversationData => ({
    id: "conv_1",
    messages: [
      { ...emptyReply("msg_u1", null), role: "user", status: "done", content: [{ type: "text", text: "Q" }] },
      { ...reply, siblingIds: ["msg_a1"] },
    ],
    olderCursor: null,
    cost: null,
    systemPrompt: null,
    presetId: null,
    thinking: "off",
    tools,
    citations: false,
  });
  const options: ChatOptions = {
    models: [coder, noCode],
    initialModel: "coder",
    presets: [],
    promptCaching: false,
    allowHttpImages: false,
    demoMode: false,
    connectors,
    disabledTools: ["web_fetch"],
  };

  function renderChat(tools: ToolChoices) {
    render(
      <NextIntlClientProvider locale="en" messages={messages.en}>
        <ChatView conversation={conversation(tools)} options={options} />
      </NextIntlClientProvider>,
    );
  }

  async function send(text: string) {
    fireEvent.change(screen.getByRole("textbox", { name: "Message" }), { target: { value: text } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(sent.length).toBeGreaterThan(0));
    return sent.pop()!;
  }

  it("starts from the conversation's saved choices and sends them", async () => {
    renderChat({ server: ["web_search", "web_fetch"], connectors: ["con_wiki"] });
    fireEvent.click(toolsButton());
    expect(screen.getByRole<HTMLInputElement>("switch", { name: "Web search" }).checked).toBe(true);
    expect(screen.queryByRole("switch", { name: "Web fetch" })).toBeNull(); // turned off by the admin
    const body = await send("Hello");
    expect(body.kind).toBe("send");
    expect(body.tools).toEqual({ server: ["web_search"], connectors: ["con_wiki"] });
  });

  it("sends none when nothing is on", async () => {
    renderChat(NO_TOOLS_CHOSEN);
    expect((await send("Hello")).tools).toEqual({ server: [], connectors: [] });
  });

  it("drops what a newly chosen model does not offer, and sends tools with a retry", async () => {
    renderChat({ server: [], connectors: [] });
    fireEvent.click(toolsButton());
    fireEvent.click(screen.getByRole("switch", { name: "Code execution" }));
    fireEvent.click(screen.getByRole("switch", { name: "docs" }));
    fireEvent.change(screen.getByRole("combobox", { name: "Model" }), { target: { value: "no-code" } });
    expect(screen.queryByRole("switch", { name: "Code execution" })).toBeNull();
    const body = await send("Hello");
    expect(body).toMatchObject({ model: "no-code", tools: { server: [], connectors: ["con_docs"] } });

    fireEvent.change(screen.getByRole("combobox", { name: "Model" }), { target: { value: "coder" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Regenerate" }));
    });
    await waitFor(() => expect(sent.length).toBe(1));
    expect(sent[0]).toMatchObject({
      kind: "retry",
      model: "coder",
      tools: { server: ["code_execution"], connectors: ["con_docs"] },
    });
  });

  it("keeps the Tools button in the composer", () => {
    renderChat(NO_TOOLS_CHOSEN);
    const form = screen.getByRole("textbox", { name: "Message" }).closest("form")!;
    expect(within(form).getByRole("button", { name: "Tools" })).toBeDefined();
  });
});

describe("chat catalogue", () => {
  const keys = (value: unknown, prefix = ""): string[] =>
    value && typeof value === "object"
      ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
      : [prefix.slice(0, -1)];

  it("has the same keys in English and Japanese", () => {
    expect(keys(messages.ja.chat).sort()).toEqual(keys(messages.en.chat).sort());
  });
});
