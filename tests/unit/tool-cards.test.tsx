// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { MessageBlocks } from "@/components/chat/blocks/message-blocks";
import type { ContentBlock } from "@/lib/chat/content";
import { loadMessages } from "@/lib/i18n/catalogue";

const messages = { en: await loadMessages("en"), ja: await loadMessages("ja") };

afterEach(cleanup);

function renderBlocks(
  content: (ContentBlock | undefined)[],
  {
    streaming = false,
    locale = "en",
    messageId = "msg_a1",
  }: { streaming?: boolean; locale?: "en" | "ja"; messageId?: string } = {},
) {
  return render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]}>
      <MessageBlocks content={content} streaming={streaming} messageId={messageId} />
    </NextIntlClientProvider>,
  ).container;
}

const typeOf = (element: Element | null) => element?.getAttribute("data-block-type");
const serverCall = (id: string, name: string, input: unknown): ContentBlock => ({
  type: "server_tool_use",
  id,
  name,
  input,
});

const searchCall = serverCall("srvtoolu_1", "web_search", { query: "tide times" });
const searchResult: ContentBlock = {
  type: "web_search_tool_result",
  tool_use_id: "srvtoolu_1",
  content: [
    {
      type: "web_search_result",
      url: "https://tides.example/brighton",
      title: "Brighton <b>tides</b>",
      page_age: "April 30, 2026",
      encrypted_content: "enc",
    },
    {
      type: "web_search_result",
      url: "javascript:alert(1)",
      title: "Sneaky",
      page_age: null,
      encrypted_content: "e",
    },
  ],
};
const searchError = (code: string): ContentBlock => ({
  type: "web_search_tool_result",
  tool_use_id: "srvtoolu_1",
  content: { type: "web_search_tool_result_error", error_code: code },
});

describe("web search card", () => {
  it("puts the call and its result in one collapsed card, each with its own block type", () => {
    const container = renderBlocks([searchCall, searchResult, { type: "text", text: "High tide is at 6." }]);
    expect([...container.children].map(typeOf)).toEqual(["server_tool_use", "text"]);
    const card = container.querySelector('[data-block-type="server_tool_use"]')!;
    expect(card.tagName).toBe("DETAILS");
    expect((card as HTMLDetailsElement).open).toBe(false);
    expect(card.getAttribute("data-tool-name")).toBe("web_search");
    expect(card.querySelector("summary")!.textContent).toBe("Searched the web for “tide times”");
    const result = card.querySelector('[data-block-type="web_search_tool_result"]')!;
    const links = within(result as HTMLElement).getAllByRole("link", { hidden: true });
    expect(links).toHaveLength(1); // a javascript: URL is never a link
    expect(links[0]!.getAttribute("href")).toBe("https://tides.example/brighton");
    expect(links[0]!.getAttribute("target")).toBe("_blank");
    expect(links[0]!.getAttribute("rel")).toBe("noopener noreferrer");
    expect(links[0]!.textContent).toBe("Brighton <b>tides</b>"); // titles stay text
    expect(result.querySelector("b")).toBeNull();
    expect(result.textContent).toContain("April 30, 2026");
    expect(result.textContent).toContain("tides.example");
    expect(result.textContent).toContain("Sneaky");
  });

  it("says a search is running until its result comes", () => {
    const container = renderBlocks([searchCall], { streaming: true });
    expect(container.querySelector("summary")!.textContent).toBe("Searching the web for “tide times”…");
  });

  it.each([
    ["max_uses_exceeded", "The search limit for this reply was reached."],
    ["too_many_requests", "The tool got too many requests. Try again later."],
    ["query_too_long", "The search query was too long."],
    ["unavailable", "The tool is unavailable right now."],
    ["invalid_tool_input", "Claude's request to the tool was not valid."],
    ["brand_new_code", "The tool failed (brand_new_code)."],
  ])("shows the error %s in plain words", (code, words) => {
    const container = renderBlocks([searchCall, searchError(code)]);
    const card = container.querySelector('[data-block-type="server_tool_use"]')!;
    expect(card.querySelector("summary")!.textContent).toBe("Searching the web for “tide times” failed");
    const result = card.querySelector('[data-block-type="web_search_tool_result"]')!;
    expect(result.getAttribute("data-tool-error")).toBe(code);
    expect(result.textContent).toBe(words);
    expect(result.querySelector("a")).toBeNull();
  });

  it("shows errors in Japanese", () => {
    const container = renderBlocks([searchCall, searchError("max_uses_exceeded")], { locale: "ja" });
    expect(container.querySelector("summary")!.textContent).toBe(
      "ウェブで「tide times」を検索できませんでした",
    );
    expect(container.textContent).toContain("この返答で検索できる回数の上限に達しました。");
  });

  it("shows a result without its call on its own", () => {
    const container = renderBlocks([searchResult]);
    expect([...container.children].map(typeOf)).toEqual(["web_search_tool_result"]);
    expect(container.textContent).toContain("Web search results");
  });
});

describe("web fetch card", () => {
  const call = serverCall("srvtoolu_2", "web_fetch", { url: "https://example.com/page" });
  const fetched: ContentBlock = {
    type: "web_fetch_tool_result",
    tool_use_id: "srvtoolu_2",
    content: {
      type: "web_fetch_result",
      url: "https://example.com/page",
      retrieved_at: "2026-05-01T09:30:00Z",
      content: {
        type: "document",
        title: "Example page",
        source: { type: "text", media_type: "text/plain", data: "<script>x</script> Hello from the page." },
      },
    },
  };

  it("names the page fetched and links its URL", () => {
    const container = renderBlocks([call, fetched]);
    const card = container.querySelector('[data-block-type="server_tool_use"]')!;
    expect(card.querySelector("summary")!.textContent).toBe("Fetched Example page");
    const result = card.querySelector('[data-block-type="web_fetch_tool_result"]')!;
    const link = result.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("https://example.com/page");
    expect(link.textContent).toBe("https://example.com/page");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(result.textContent).toContain("Retrieved May 1, 2026");
    expect(result.querySelector("script")).toBeNull();
    expect(result.textContent).toContain("<script>x</script> Hello from the page.");
  });

  it("falls back to the URL without a title, and says while it fetches", () => {
    const untitled = structuredClone(fetched) as unknown as { content: { content: { title: unknown } } };
    untitled.content.content.title = null;
    expect(
      renderBlocks([call, untitled as unknown as ContentBlock]).querySelector("summary")!.textContent,
    ).toBe("Fetched https://example.com/page");
    cleanup();
    expect(renderBlocks([call], { streaming: true }).querySelector("summary")!.textContent).toBe(
      "Fetching https://example.com/page…",
    );
  });

  it.each([
    ["url_not_accessible", "The page could not be reached."],
    ["url_not_allowed", "That URL is not allowed."],
    ["url_too_long", "The URL is too long."],
    ["unsupported_content_type", "That kind of content cannot be read."],
    ["content_too_large", "The page is too large to read."],
    ["max_uses_exceeded", "The page-fetch limit for this reply was reached."],
  ])("shows the error %s in plain words", (code, words) => {
    const container = renderBlocks([
      call,
      {
        type: "web_fetch_tool_result",
        tool_use_id: "srvtoolu_2",
        content: { type: "web_fetch_tool_result_error", error_code: code },
      },
    ]);
    expect(container.querySelector("summary")!.textContent).toBe("Could not fetch https://example.com/page");
    const result = container.querySelector('[data-block-type="web_fetch_tool_result"]')!;
    expect(result.getAttribute("data-tool-error")).toBe(code);
    expect(result.textContent).toContain(words);
  });
});

describe("code execution card", () => {
  const bash = serverCall("srvtoolu_3", "bash_code_execution", { command: "python -c 'print(6*7)'" });
  const ran: ContentBlock = {
    type: "bash_code_execution_tool_result",
    tool_use_id: "srvtoolu_3",
    content: {
      type: "bash_code_execution_result",
      stdout: "42\n",
      stderr: "warning: <none>",
      return_code: 0,
      content: [
        { type: "bash_code_execution_output", file_id: "file_1" },
        { type: "bash_code_execution_output", file_id: "file 2" },
      ],
    },
  };

  it("shows the command, labelled stdout and stderr, the exit code and download links", () => {
    const container = renderBlocks([bash, ran], { messageId: "msg_9" });
    const card = container.querySelector('[data-block-type="server_tool_use"]')!;
    expect(card.getAttribute("data-tool-name")).toBe("bash_code_execution");
    expect(card.querySelector("summary")!.textContent).toBe("Ran python -c 'print(6*7)'");
    expect(card.querySelector("pre")!.textContent).toBe("python -c 'print(6*7)'");
    const result = card.querySelector('[data-block-type="bash_code_execution_tool_result"]') as HTMLElement;
    expect(result.textContent).toContain("Output (stdout)42");
    expect(result.textContent).toContain("Errors (stderr)warning: <none>");
    expect(result.querySelector("[data-exit-code]")!.textContent).toBe("Exit code 0");
    const links = within(result).getAllByRole("link", { name: "Download file", hidden: true });
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "/api/files/msg_9/file_1",
      "/api/files/msg_9/file%202",
    ]);
    expect(links[0]!.hasAttribute("download")).toBe(true);
  });

  it("offers no download before the reply has its saved id", () => {
    const container = renderBlocks([bash, ran], { messageId: "local-123" });
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toContain("The file can be downloaded once the reply is saved.");
  });

  it("shows a non-zero exit code", () => {
    const failed = structuredClone(ran) as unknown as {
      content: { return_code: number; content: unknown[] };
    };
    failed.content.return_code = 2;
    failed.content.content = [];
    const container = renderBlocks([bash, failed as unknown as ContentBlock]);
    expect(container.querySelector("[data-exit-code]")!.textContent).toBe("Exit code 2");
  });

  it("reads the older code_execution result too", () => {
    const container = renderBlocks([
      serverCall("srvtoolu_4", "code_execution", { code: "print(6*7)" }),
      {
        type: "code_execution_tool_result",
        tool_use_id: "srvtoolu_4",
        content: {
          type: "code_execution_result",
          stdout: "42",
          stderr: "",
          return_code: 0,
          content: [{ type: "code_execution_output", file_id: "f9" }],
        },
      },
    ]);
    const card = container.querySelector('[data-block-type="server_tool_use"]')!;
    expect(card.querySelector("summary")!.textContent).toBe("Ran code");
    expect(card.querySelector("pre")!.textContent).toBe("print(6*7)");
    expect(card.querySelector('[data-block-type="code_execution_tool_result"]')!.textContent).toContain(
      "Exit code 0",
    );
    expect(card.querySelector("a")!.getAttribute("href")).toBe("/api/files/msg_a1/f9");
  });

  it("shows the file editor's create, view and replace", () => {
    const container = renderBlocks([
      serverCall("e1", "text_editor_code_execution", {
        command: "create",
        path: "/tmp/a.py",
        file_text: "x = 1",
      }),
      {
        type: "text_editor_code_execution_tool_result",
        tool_use_id: "e1",
        content: { type: "text_editor_code_execution_create_result", is_file_update: false },
      },
      serverCall("e2", "text_editor_code_execution", { command: "view", path: "/tmp/a.py" }),
      {
        type: "text_editor_code_execution_tool_result",
        tool_use_id: "e2",
        content: {
          type: "text_editor_code_execution_view_result",
          content: "x = 1",
          file_type: "text",
          num_lines: 1,
          start_line: 1,
          total_lines: 1,
        },
      },
      serverCall("e3", "text_editor_code_execution", {
        command: "str_replace",
        path: "/tmp/a.py",
        old_str: "x = 1",
        new_str: "x = 2",
      }),
      {
        type: "text_editor_code_execution_tool_result",
        tool_use_id: "e3",
        content: {
          type: "text_editor_code_execution_str_replace_result",
          lines: ["x = 2"],
          new_lines: 1,
          new_start: 1,
          old_lines: 1,
          old_start: 1,
        },
      },
    ]);
    const cards = [...container.querySelectorAll('[data-block-type="server_tool_use"]')];
    expect(cards.map((card) => card.querySelector("summary")!.textContent)).toEqual([
      "Created /tmp/a.py",
      "Viewed /tmp/a.py",
      "Edited /tmp/a.py",
    ]);
    expect(cards[0]!.textContent).toContain("File created.");
    expect(
      cards[1]!.querySelector('[data-block-type="text_editor_code_execution_tool_result"]')!.textContent,
    ).toContain("x = 1");
    expect(cards[2]!.textContent).toContain("Replacex = 1");
    expect(cards[2]!.textContent).toContain("Withx = 2");
    expect(cards[2]!.textContent).toContain("Changed linesx = 2");
  });

  it.each([
    ["execution_time_exceeded", "The code ran too long and was stopped."],
    ["unavailable", "Code execution is unavailable right now."],
    ["too_many_requests", "The tool got too many requests. Try again later."],
  ])("shows the error %s in plain words", (code, words) => {
    const container = renderBlocks([
      bash,
      {
        type: "bash_code_execution_tool_result",
        tool_use_id: "srvtoolu_3",
        content: { type: "bash_code_execution_tool_result_error", error_code: code },
      },
    ]);
    expect(container.querySelector("summary")!.textContent).toBe("Ran python -c 'print(6*7)' · failed");
    const result = container.querySelector('[data-block-type="bash_code_execution_tool_result"]')!;
    expect(result.getAttribute("data-tool-error")).toBe(code);
    expect(result.textContent).toBe(words);
  });

  it("shows the file editor's own error message as text", () => {
    const container = renderBlocks([
      serverCall("e1", "text_editor_code_execution", { command: "view", path: "/nope" }),
      {
        type: "text_editor_code_execution_tool_result",
        tool_use_id: "e1",
        content: {
          type: "text_editor_code_execution_tool_result_error",
          error_code: "file_not_found",
          error_message: "<i>no</i> such file",
        },
      },
    ]);
    const result = container.querySelector('[data-block-type="text_editor_code_execution_tool_result"]')!;
    expect(result.textContent).toBe("The file was not found.<i>no</i> such file");
    expect(result.querySelector("i")).toBeNull();
  });

  it("shows a code result without its call on its own, with its download link", () => {
    const container = renderBlocks([ran], { messageId: "msg_2" });
    expect([...container.children].map(typeOf)).toEqual(["bash_code_execution_tool_result"]);
    expect(screen.getAllByRole("link", { name: "Download file" })[0]!.getAttribute("href")).toBe(
      "/api/files/msg_2/file_1",
    );
  });
});

describe("MCP card", () => {
  const call: ContentBlock = {
    type: "mcp_tool_use",
    id: "mcptoolu_1",
    name: "lookup",
    server_name: "wiki",
    input: { q: "hello" },
  };

  it("names the tool and the connector, with the input as JSON and the result text", () => {
    const container = renderBlocks([
      call,
      {
        type: "mcp_tool_result",
        tool_use_id: "mcptoolu_1",
        is_error: false,
        content: [{ type: "text", text: "MCP says <b>hello</b>" }],
      },
    ]);
    expect([...container.children].map(typeOf)).toEqual(["mcp_tool_use"]);
    const card = container.querySelector('[data-block-type="mcp_tool_use"]')!;
    expect(card.getAttribute("data-server-name")).toBe("wiki");
    expect(card.querySelector("summary")!.textContent).toBe("Used lookup on wiki");
    expect(card.querySelector("pre")!.textContent).toBe('{\n  "q": "hello"\n}');
    const result = card.querySelector('[data-block-type="mcp_tool_result"]')!;
    expect(result.textContent).toBe("MCP says <b>hello</b>");
    expect(result.querySelector("b")).toBeNull();
    expect(result.hasAttribute("data-tool-error")).toBe(false);
  });

  it("styles an error result as one", () => {
    const container = renderBlocks([
      call,
      {
        type: "mcp_tool_result",
        tool_use_id: "mcptoolu_1",
        is_error: true,
        content: [{ type: "text", text: "Server down" }],
      },
    ]);
    const result = container.querySelector('[data-block-type="mcp_tool_result"]')!;
    expect(result.hasAttribute("data-tool-error")).toBe(true);
    expect(result.textContent).toBe("The tool reported an error:Server down");
    expect(result.querySelector(".text-red-700")?.textContent).toBe("Server down");
  });

  it("says while the tool runs, and in Japanese", () => {
    expect(renderBlocks([call], { streaming: true }).querySelector("summary")!.textContent).toBe(
      "Using lookup on wiki…",
    );
    cleanup();
    expect(renderBlocks([call], { locale: "ja" }).querySelector("summary")!.textContent).toBe(
      "wiki の lookup を使用しました",
    );
  });
});

describe("cards open on request", () => {
  it("reveals the result when the summary is clicked", () => {
    const container = renderBlocks([searchCall, searchResult]);
    const card = container.querySelector("details")!;
    fireEvent.click(card.querySelector("summary")!);
    expect(card.open).toBe(true);
  });
});
