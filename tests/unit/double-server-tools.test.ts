import Anthropic, { type APIError, NotFoundError } from "@anthropic-ai/sdk";
import type { BetaMessageParam } from "@anthropic-ai/sdk/resources/beta/messages";
import type { MessageParam, ToolUnion } from "@anthropic-ai/sdk/resources/messages";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requestProblem, thinkingSignature } from "../double/rules";
import { type DoubleHandle, startDouble } from "../double/server";

let double: DoubleHandle;
let client: Anthropic;

beforeAll(async () => {
  double = await startDouble({ port: 0 });
  client = new Anthropic({ apiKey: "test", baseURL: double.url, maxRetries: 0 });
});
afterAll(() => double.close());
beforeEach(() => double.reset());

type Body = Record<string, unknown>;

const MODEL = "claude-sonnet-4-6";
const MCP_BETA = "mcp-client-2025-11-20";
const SEARCH: ToolUnion = { type: "web_search_20250305", name: "web_search", max_uses: 5 };
const FETCH: ToolUnion = {
  type: "web_fetch_20250910",
  name: "web_fetch",
  max_uses: 5,
  max_content_tokens: 50_000,
  citations: { enabled: true },
};
const CODE: ToolUnion = { type: "code_execution_20250825", name: "code_execution" };
const CUSTOM: ToolUnion = { name: "search", description: "Search", input_schema: { type: "object" } };
const SERVER = { type: "url", url: "https://mcp.example.com/sse", name: "example" };
const TOOLSET = { type: "mcp_toolset", mcp_server_name: "example" };

const ask = (extra: Body = {}): Body => ({
  model: MODEL,
  max_tokens: 1024,
  messages: [{ role: "user", content: "Hello" }],
  ...extra,
});

async function post(
  body: Body,
  headers: Record<string, string> = {},
  path = "/v1/messages",
): Promise<{ status: number; type?: string; message?: string }> {
  const res = await fetch(`${double.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { error?: { type: string; message: string } };
  return { status: res.status, type: json.error?.type, message: json.error?.message };
}

async function rejected(body: Body, parts: string[], headers: Record<string, string> = {}): Promise<void> {
  const answer = await post(body, headers);
  expect(answer.status, JSON.stringify(answer)).toBe(400);
  expect(answer.type).toBe("invalid_request_error");
  for (const part of parts) expect(answer.message).toContain(part);
}

async function accepted(body: Body, headers: Record<string, string> = {}): Promise<void> {
  const answer = await post(body, headers);
  expect(answer, JSON.stringify(answer)).toEqual({ status: 200, type: undefined, message: undefined });
}

const mcpHeaders = { "anthropic-beta": MCP_BETA };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

/** user → assistant(blocks) → user: a history whose middle turn is `blocks`. */
const history = (blocks: unknown[], extra: Body = {}): Body =>
  ask({
    messages: [
      { role: "user", content: "First" },
      { role: "assistant", content: blocks },
      { role: "user", content: "Second" },
    ],
    ...extra,
  });

const use = (id: string, name = "web_search", input: unknown = { query: "q" }) => ({
  type: "server_tool_use",
  id,
  name,
  input,
});
const searchResult = (id: string) => ({
  type: "web_search_tool_result",
  tool_use_id: id,
  content: [
    {
      type: "web_search_result",
      title: "T",
      url: "https://example.com",
      encrypted_content: "E",
      page_age: null,
    },
  ],
});
const mcpUse = (id: string, server = "example") => ({
  type: "mcp_tool_use",
  id,
  name: "lookup",
  server_name: server,
  input: { q: "x" },
});
const mcpResult = (id: string) => ({
  type: "mcp_tool_result",
  tool_use_id: id,
  is_error: false,
  content: [{ type: "text", text: "ok" }],
});

describe("rule A1: server tool types, names and uniqueness", () => {
  it.each([
    ["web_search_20250305", "web_search"],
    ["web_search_20260209", "web_search"],
    ["web_search_20260318", "web_search"],
    ["web_fetch_20250910", "web_fetch"],
    ["web_fetch_20260209", "web_fetch"],
    ["web_fetch_20260309", "web_fetch"],
    ["web_fetch_20260318", "web_fetch"],
    ["code_execution_20250522", "code_execution"],
    ["code_execution_20250825", "code_execution"],
    ["code_execution_20260120", "code_execution"],
    ["code_execution_20260521", "code_execution"],
  ])("accepts %s named %s", async (type, name) => {
    await accepted(ask({ tools: [{ type, name }, CUSTOM] }));
  });

  it("an unknown type is refused naming the field and the expected tags", async () => {
    await rejected(ask({ tools: [CUSTOM, { type: "web_search_20990101", name: "web_search" }] }), [
      "tools.1.type: Input tag 'web_search_20990101' found using 'type' does not match any of the expected tags: 'custom', 'web_search_20250305'",
    ]);
    await accepted(ask({ tools: [{ ...CUSTOM, type: "custom" }] }));
  });

  it("a server tool must carry its own name", async () => {
    await rejected(ask({ tools: [{ type: "web_search_20250305", name: "search_web" }] }), [
      "tools.0.web_search_20250305.name: Input should be 'web_search'",
    ]);
    await rejected(ask({ tools: [{ type: "code_execution_20250825" }] }), [
      "tools.0.code_execution_20250825.name: Field required",
    ]);
  });

  it("tool names are unique across client and server tools", async () => {
    await rejected(ask({ tools: [SEARCH, { type: "web_search_20260209", name: "web_search" }] }), [
      "tools: Tool names must be unique",
      "tools.0 and tools.1",
    ]);
    await rejected(ask({ tools: [CUSTOM, FETCH, CUSTOM] }), ["tools: Tool names must be unique", "'search'"]);
    await accepted(ask({ tools: [CUSTOM, SEARCH, FETCH, CODE] }));
  });

  it("fields the tool type does not have, and bad client tool names, are refused", async () => {
    await rejected(ask({ tools: [{ ...CODE, max_uses: 3 }] }), [
      "tools.0.code_execution_20250825.max_uses: Extra inputs are not permitted",
    ]);
    await rejected(ask({ tools: [{ ...SEARCH, citations: { enabled: true } }] }), [
      "tools.0.web_search_20250305.citations: Extra inputs are not permitted",
    ]);
    await rejected(ask({ tools: [{ ...CUSTOM, name: "has space" }] }), [
      "tools.0.custom.name: String should match",
    ]);
    await accepted(
      ask({
        tools: [
          {
            ...SEARCH,
            user_location: { type: "approximate", city: "Paris" },
            cache_control: { type: "ephemeral" },
          },
          { ...FETCH, type: "web_fetch_20260318", use_cache: true, response_inclusion: "full" },
        ],
      }),
    );
  });
});

describe("rule A2: max_uses and domain filters", () => {
  it.each([
    [0, "Input should be greater than or equal to 1"],
    [-2, "Input should be greater than or equal to 1"],
    [1.5, "Input should be a valid integer"],
    ["3", "Input should be a valid integer"],
  ])("max_uses %j is refused", async (maxUses, message) => {
    await rejected(ask({ tools: [{ ...SEARCH, max_uses: maxUses }] }), [
      `tools.0.web_search_20250305.max_uses: ${message}`,
    ]);
    await rejected(ask({ tools: [{ ...FETCH, max_uses: maxUses }] }), [
      "tools.0.web_fetch_20250910.max_uses",
    ]);
  });

  it("max_uses 1 or null is fine", async () => {
    await accepted(
      ask({
        tools: [
          { ...SEARCH, max_uses: 1 },
          { ...FETCH, max_uses: null },
        ],
      }),
    );
  });

  it("allowed_domains and blocked_domains not both", async () => {
    await rejected(
      ask({ tools: [{ ...SEARCH, allowed_domains: ["example.com"], blocked_domains: ["bad.example"] }] }),
      ["tools.0.web_search_20250305", "allowed_domains", "blocked_domains"],
    );
    await rejected(ask({ tools: [{ ...FETCH, allowed_domains: [], blocked_domains: [] }] }), [
      "tools.0.web_fetch_20250910",
    ]);
    await accepted(
      ask({
        tools: [
          { ...SEARCH, allowed_domains: ["example.com"] },
          { ...FETCH, blocked_domains: ["x.example"] },
        ],
      }),
    );
  });
});

describe("rule A3: MCP connector", () => {
  const mcp = (extra: Body = {}) => ask({ mcp_servers: [SERVER], tools: [TOOLSET], ...extra });

  it("mcp_servers and mcp_toolset need the MCP beta", async () => {
    await rejected(mcp(), ["mcp_servers: Extra inputs are not permitted"]);
    await rejected(mcp(), ["mcp_servers: Extra inputs are not permitted"], {
      "anthropic-beta": "mcp-client-2025-04-04",
    });
    await rejected(ask({ tools: [TOOLSET] }), ["tools.0.type: Input tag 'mcp_toolset' found using 'type'"]);
    await accepted(mcp(), mcpHeaders);
    await accepted(mcp(), { "anthropic-beta": "mcp-client-2026-09-15" });
    await accepted(mcp(), { "anthropic-beta": "files-api-2025-04-14, mcp-client-2025-11-20" });
  });

  it("the SDK's beta client sends the beta header", async () => {
    const message = await client.beta.messages.create({
      model: MODEL,
      max_tokens: 100,
      betas: [MCP_BETA],
      mcp_servers: [{ ...SERVER, type: "url", authorization_token: "secret-token" }],
      tools: [{ type: "mcp_toolset", mcp_server_name: "example" }],
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(message.content).toEqual([{ type: "text", text: "Echo: Hi" }]);
    expect(double.requests[0]?.headers["anthropic-beta"]).toBe(MCP_BETA);
  });

  it("each server: type url, an https url, a unique name, a string token", async () => {
    const with_ = (server: Body, tools: unknown[] = [TOOLSET]) => ask({ mcp_servers: [server], tools });
    await rejected(
      with_({ ...SERVER, type: "sse" }),
      ["mcp_servers.0.type: Input should be 'url'"],
      mcpHeaders,
    );
    await rejected(
      with_({ ...SERVER, url: "http://mcp.example.com/sse" }),
      ["mcp_servers.0.url: MCP server URL must start with https://"],
      mcpHeaders,
    );
    await rejected(
      with_({ type: "url", name: "example" }),
      ["mcp_servers.0.url: Field required"],
      mcpHeaders,
    );
    await rejected(
      with_({ type: "url", url: SERVER.url }),
      ["mcp_servers.0.name: Field required"],
      mcpHeaders,
    );
    await rejected(
      with_({ ...SERVER, authorization_token: 42 }),
      ["mcp_servers.0.authorization_token: Input should be a valid string"],
      mcpHeaders,
    );
    await rejected(with_({ ...SERVER, headers: {} }), ["mcp_servers.0.headers: Extra inputs"], mcpHeaders);
    await rejected(
      ask({ mcp_servers: [SERVER, { ...SERVER, url: "https://other.example" }], tools: [TOOLSET] }),
      ["mcp_servers.1.name: MCP server names must be unique"],
      mcpHeaders,
    );
    await accepted(
      with_({ ...SERVER, authorization_token: "tok", tool_configuration: { enabled: true } }),
      mcpHeaders,
    );
  });

  it("every server has exactly one mcp_toolset, and every toolset names a server", async () => {
    await rejected(
      ask({ mcp_servers: [SERVER], tools: [CUSTOM] }),
      ["mcp_servers.0: MCP server 'example' is not referenced by any mcp_toolset"],
      mcpHeaders,
    );
    await rejected(
      ask({ mcp_servers: [SERVER], tools: [TOOLSET, { ...TOOLSET, mcp_server_name: "other" }] }),
      ["tools.1.mcp_toolset.mcp_server_name: MCP server 'other' is not defined in mcp_servers"],
      mcpHeaders,
    );
    await rejected(
      ask({ tools: [TOOLSET] }),
      ["MCP server 'example' is not defined in mcp_servers"],
      mcpHeaders,
    );
    await rejected(
      ask({ mcp_servers: [SERVER], tools: [TOOLSET, TOOLSET] }),
      ["tools.1: MCP server 'example' is already referenced"],
      mcpHeaders,
    );
    await rejected(
      ask({ mcp_servers: [SERVER], tools: [{ type: "mcp_toolset" }] }),
      ["tools.0.mcp_toolset.mcp_server_name: Field required"],
      mcpHeaders,
    );
  });

  it("count_tokens reads the beta header too", async () => {
    const body = {
      model: MODEL,
      messages: [{ role: "user", content: "Hi" }],
      mcp_servers: [SERVER],
      tools: [TOOLSET],
    };
    const plain = await post(body, {}, "/v1/messages/count_tokens");
    expect(plain).toMatchObject({ status: 400, message: "mcp_servers: Extra inputs are not permitted" });
    const counted = await client.beta.messages.countTokens({
      model: MODEL,
      betas: [MCP_BETA],
      mcp_servers: [{ ...SERVER, type: "url" }],
      tools: [{ type: "mcp_toolset", mcp_server_name: "example" }],
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(counted.input_tokens).toBeGreaterThan(0);
  });
});

describe("rule A4: server tool blocks in the history", () => {
  it("a server_tool_use needs its result after it in the same assistant message", async () => {
    await rejected(history([use("srvtoolu_1"), { type: "text", text: "A" }], { tools: [SEARCH] }), [
      "messages.1.content.0: `server_tool_use` block with id srvtoolu_1 was found without a `web_search_tool_result` block after it",
    ]);
    await rejected(history([searchResult("srvtoolu_1"), use("srvtoolu_1")], { tools: [SEARCH] }), [
      "messages.1.content.0: unexpected `tool_use_id` found in `web_search_tool_result` block: srvtoolu_1",
    ]);
    await accepted(
      history([{ type: "text", text: "Searching." }, use("srvtoolu_1"), searchResult("srvtoolu_1")], {
        tools: [SEARCH],
      }),
    );
  });

  it("a result block without its server_tool_use, or of the wrong kind, is refused", async () => {
    await rejected(history([searchResult("srvtoolu_x"), { type: "text", text: "A" }], { tools: [SEARCH] }), [
      "messages.1.content.0: unexpected `tool_use_id` found in `web_search_tool_result` block: srvtoolu_x",
    ]);
    await rejected(
      history([use("srvtoolu_1"), { ...searchResult("srvtoolu_1"), type: "web_fetch_tool_result" }], {
        tools: [SEARCH, FETCH],
      }),
      ["messages.1.content.1.type: tool use srvtoolu_1", "expects a `web_search_tool_result` block"],
    );
    await rejected(
      history([use("srvtoolu_1"), searchResult("srvtoolu_1"), searchResult("srvtoolu_1")], {
        tools: [SEARCH],
      }),
      ["messages.1.content.2: unexpected `tool_use_id`"],
    );
  });

  it("server tool blocks belong to assistant messages", async () => {
    await rejected(
      ask({
        tools: [SEARCH],
        messages: [{ role: "user", content: [use("srvtoolu_1"), searchResult("srvtoolu_1")] }],
      }),
      ["messages.0.content.0.type: `server_tool_use` blocks are only allowed in `assistant` messages"],
    );
  });

  it.each([
    ["web_search", [FETCH, CODE]],
    ["web_fetch", [SEARCH]],
    ["bash_code_execution", [SEARCH, FETCH]],
    ["text_editor_code_execution", [CUSTOM]],
    ["code_execution", []],
  ])("a %s tool use needs its tool in this request's tools", async (name, tools) => {
    const result = {
      web_search: "web_search_tool_result",
      web_fetch: "web_fetch_tool_result",
      code_execution: "code_execution_tool_result",
      bash_code_execution: "bash_code_execution_tool_result",
      text_editor_code_execution: "text_editor_code_execution_tool_result",
    }[name];
    const blocks = [use("srvtoolu_1", name), { type: result, tool_use_id: "srvtoolu_1", content: {} }];
    await rejected(history(blocks, { tools }), [
      `messages.1.content.0: \`server_tool_use\` block for '${name}' needs the`,
      "this request does not define it",
    ]);
  });

  it("bash and text editor tool uses go with any code_execution version", async () => {
    const bash = [
      use("srvtoolu_1", "bash_code_execution", { command: "ls" }),
      {
        type: "bash_code_execution_tool_result",
        tool_use_id: "srvtoolu_1",
        content: { type: "bash_code_execution_result", stdout: "", stderr: "", return_code: 0, content: [] },
      },
      use("srvtoolu_2", "text_editor_code_execution", { command: "view", path: "/tmp/a" }),
      {
        type: "text_editor_code_execution_tool_result",
        tool_use_id: "srvtoolu_2",
        content: { type: "text_editor_code_execution_tool_result_error", error_code: "file_not_found" },
      },
    ];
    await accepted(history(bash, { tools: [{ type: "code_execution_20260120", name: "code_execution" }] }));
    await rejected(
      history([use("srvtoolu_1", "python_exec"), searchResult("srvtoolu_1")], { tools: [SEARCH] }),
      ["messages.1.content.0.name: Input should be 'web_search', 'web_fetch'"],
    );
  });

  const mcpHistory = (blocks: unknown[]) => history(blocks, { mcp_servers: [SERVER], tools: [TOOLSET] });

  it("an mcp_tool_use needs its mcp_tool_result in the same message", async () => {
    await rejected(
      mcpHistory([mcpUse("mcptoolu_1"), { type: "text", text: "A" }]),
      [
        "messages.1.content.0: `mcp_tool_use` block with id mcptoolu_1 was found without a `mcp_tool_result` block",
      ],
      mcpHeaders,
    );
    await rejected(
      mcpHistory([mcpResult("mcptoolu_1")]),
      ["messages.1.content.0: unexpected `tool_use_id` found in `mcp_tool_result` block: mcptoolu_1"],
      mcpHeaders,
    );
    await accepted(
      mcpHistory([mcpUse("mcptoolu_1"), mcpResult("mcptoolu_1"), { type: "text", text: "A" }]),
      mcpHeaders,
    );
  });

  it("MCP blocks need the beta and a server of their server_name", async () => {
    await rejected(history([mcpUse("mcptoolu_1"), mcpResult("mcptoolu_1")]), [
      "messages.1.content.0.type: Input tag 'mcp_tool_use' found using 'type'",
    ]);
    await rejected(
      mcpHistory([mcpUse("mcptoolu_1", "elsewhere"), mcpResult("mcptoolu_1")]),
      ["messages.1.content.0.server_name: MCP server 'elsewhere' is not defined in mcp_servers"],
      mcpHeaders,
    );
  });
});

describe("rule A5: tool_use blocks never carry a server tool's name", () => {
  it("a tool_use named web_search is refused; a client tool of that name may use it", async () => {
    const messages = [
      { role: "user", content: "Go" },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "web_search", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "r" }] },
    ];
    await rejected(ask({ tools: [SEARCH], messages }), [
      "messages.1.content.0.name: 'web_search' is a server tool, not a client tool",
    ]);
    await rejected(ask({ tools: [CUSTOM], messages }), ["'web_search' is a server tool"]);
    await accepted(ask({ tools: [{ ...CUSTOM, name: "web_search" }], messages }));
    // Client tools keep working as before.
    await accepted(
      ask({
        tools: [CUSTOM, SEARCH],
        messages: [
          { role: "user", content: "Go" },
          { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "search", input: {} }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "r" }] },
        ],
      }),
    );
  });
});

describe("final assistant message: continuing a paused turn", () => {
  const paused = (blocks: unknown[], extra: Body = {}) =>
    ask({
      tools: [SEARCH],
      messages: [
        { role: "user", content: "Go" },
        { role: "assistant", content: blocks },
      ],
      ...extra,
    });
  const adaptive = { thinking: { type: "adaptive" } };
  const thought = { type: "thinking", thinking: "Hm", signature: thinkingSignature(MODEL, "Hm") };

  it("with thinking on, only a turn ending with server tool results that starts with thinking", async () => {
    await accepted(paused([thought, use("srvtoolu_1"), searchResult("srvtoolu_1")], adaptive));
    await rejected(paused([use("srvtoolu_1"), searchResult("srvtoolu_1")], adaptive), [
      "messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `server_tool_use`",
    ]);
    await rejected(paused([thought, { type: "text", text: "Sure," }], adaptive), [
      "messages.1.role: assistant message prefill is not supported when `thinking` is enabled",
    ]);
  });

  it("with thinking off, as before: any final assistant message without thinking blocks", async () => {
    await accepted(paused([use("srvtoolu_1"), searchResult("srvtoolu_1")]));
    await rejected(paused([thought, use("srvtoolu_1"), searchResult("srvtoolu_1")]), [
      "When thinking is disabled, an `assistant` message in the final position cannot contain `thinking`",
    ]);
  });

  it("requestProblem takes the betas as an option", () => {
    const body = {
      model: MODEL,
      max_tokens: 10,
      messages: [{ role: "user", content: "Hi" }],
      mcp_servers: [SERVER],
      tools: [TOOLSET],
    };
    expect(requestProblem(body)).toBe("mcp_servers: Extra inputs are not permitted");
    expect(requestProblem(body, { maxTokens: true, betas: [MCP_BETA] })).toBeUndefined();
  });
});

/** Streams a request and records the order of (index, delta type) events. */
async function streamed(params: Anthropic.MessageCreateParamsNonStreaming) {
  const stream = client.messages.stream(params);
  const deltas: string[] = [];
  stream.on("streamEvent", (event) => {
    if (event.type === "content_block_delta") deltas.push(`${event.index}:${event.delta.type}`);
  });
  return { message: await stream.finalMessage(), deltas };
}

const prompt = (
  text: string,
  tools: ToolUnion[],
  extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {},
) => ({
  model: MODEL,
  max_tokens: 1024,
  tools,
  messages: [{ role: "user" as const, content: text }],
  ...extra,
});

describe("web_search scenario", () => {
  it("replays the shape of multi_block_web_search.sse with a cited text block", async () => {
    const { message, deltas } = await streamed(
      prompt("Weather? [[double:web_search?query=weather%20NYC]]", [SEARCH]),
    );
    expect(message.content.map((b) => b.type)).toEqual([
      "text",
      "server_tool_use",
      "web_search_tool_result",
      "text",
      "text",
    ]);
    const [intro, call, result, cited] = message.content;
    expect(intro).toMatchObject({ type: "text", text: 'I\'ll search the web for "weather NYC".' });
    expect(call).toEqual({
      type: "server_tool_use",
      id: expect.stringMatching(/^srvtoolu_double_\d+$/),
      name: "web_search",
      input: { query: "weather NYC" },
      caller: { type: "direct" },
    });
    expect(result).toMatchObject({
      type: "web_search_tool_result",
      tool_use_id: (call as { id: string }).id,
    });
    const results = (result as { content: unknown[] }).content;
    expect(results).toHaveLength(2);
    for (const r of results) {
      expect(r).toEqual({
        type: "web_search_result",
        url: expect.stringMatching(/^https:\/\//),
        title: expect.any(String),
        encrypted_content: expect.any(String),
        page_age: r && (r as { page_age: unknown }).page_age === null ? null : expect.any(String),
      });
    }
    expect(cited).toEqual({
      type: "text",
      text: "The answer is 42.",
      citations: [
        {
          type: "web_search_result_location",
          url: "https://example.com/answer",
          title: "The Answer to Everything - Example Encyclopedia",
          encrypted_index: expect.any(String),
          cited_text: expect.stringContaining("42"),
        },
      ],
    });
    expect(deltas.filter((d) => d.startsWith("3:"))[0]).toBe("3:citations_delta");
    expect(deltas).toContain("1:input_json_delta");
    expect(deltas.some((d) => d.startsWith("2:"))).toBe(false);
    expect(message.stop_reason).toBe("end_turn");
    expect(message.usage.server_tool_use).toEqual({ web_search_requests: 1, web_fetch_requests: 0 });

    // The app sends the turn back with the next prompt: accepted as it is.
    const next = await client.messages.create({
      ...prompt("", [SEARCH]),
      messages: [
        { role: "user", content: "Weather? [[double:web_search]]" },
        { role: "assistant", content: message.content },
        { role: "user", content: "Thanks [[double:text]]" },
      ],
    });
    expect(next.content).toEqual([{ type: "text", text: "Echo: Thanks" }]);
  });

  it("without streaming the same message; the query defaults to the prompt", async () => {
    const message = await client.messages.create(prompt("cats [[double:web_search]]", [SEARCH]));
    expect(message.content[1]).toMatchObject({ type: "server_tool_use", input: { query: "cats" } });
    expect((message.content[3] as { citations: unknown[] }).citations).toHaveLength(1);
  });

  it("error=max_uses_exceeded: an error result and a text that explains it", async () => {
    const message = await client.messages.create(
      prompt("x [[double:web_search?error=max_uses_exceeded]]", [SEARCH]),
    );
    expect(message.content.map((b) => b.type)).toEqual([
      "text",
      "server_tool_use",
      "web_search_tool_result",
      "text",
    ]);
    expect(message.content[2]).toMatchObject({
      content: { type: "web_search_tool_result_error", error_code: "max_uses_exceeded" },
    });
    expect(message.content[3]).toMatchObject({ text: expect.stringContaining("max_uses_exceeded") });
    expect(message.usage.server_tool_use).toEqual({ web_search_requests: 0, web_fetch_requests: 0 });
    const err = (await rejection(
      client.messages.create(prompt("x [[double:web_search?error=nope]]", [SEARCH])),
    )) as APIError;
    expect(err.status).toBe(400);
    expect(err.message).toContain("param error must be one of");
  });

  it("without a web_search tool, plain text; with thinking, thinking first", async () => {
    const plain = await client.messages.create(prompt("Hi [[double:web_search]]", [CUSTOM]));
    expect(plain.content).toEqual([{ type: "text", text: "Echo: Hi" }]);
    const thinking = await client.messages.create(
      prompt("Hi [[double:web_search]]", [SEARCH], { thinking: { type: "adaptive" } }),
    );
    expect(thinking.content.map((b) => b.type)).toEqual([
      "thinking",
      "text",
      "server_tool_use",
      "web_search_tool_result",
      "text",
      "text",
    ]);
  });
});

describe("web_fetch scenario", () => {
  it("fetches a page into a document and cites it by character range", async () => {
    const { message, deltas } = await streamed(
      prompt("Read it [[double:web_fetch?url=https://example.com/doc]]", [FETCH]),
    );
    expect(message.content.map((b) => b.type)).toEqual([
      "text",
      "server_tool_use",
      "web_fetch_tool_result",
      "text",
    ]);
    const [, call, result, cited] = message.content;
    expect(call).toMatchObject({ name: "web_fetch", input: { url: "https://example.com/doc" } });
    expect(result).toMatchObject({
      type: "web_fetch_tool_result",
      tool_use_id: (call as { id: string }).id,
      content: {
        type: "web_fetch_result",
        url: "https://example.com/doc",
        retrieved_at: expect.any(String),
        content: {
          type: "document",
          source: { type: "text", media_type: "text/plain", data: expect.any(String) },
          title: "Example page",
          citations: { enabled: true },
        },
      },
    });
    const citation = cited?.type === "text" ? cited.citations?.[0] : undefined;
    expect(citation).toMatchObject({
      type: "char_location",
      document_index: 0,
      document_title: "Example page",
      file_id: null,
    });
    if (result?.type !== "web_fetch_tool_result" || result.content.type !== "web_fetch_result") {
      throw new Error("expected a web_fetch_result");
    }
    if (citation?.type !== "char_location") throw new Error("expected a char_location citation");
    const { data } = result.content.content.source;
    expect(data.slice(citation.start_char_index, citation.end_char_index)).toBe(citation.cited_text);
    expect(deltas.filter((d) => d.startsWith("3:"))[0]).toBe("3:citations_delta");
    expect(message.usage.server_tool_use).toEqual({ web_search_requests: 0, web_fetch_requests: 1 });
  });

  it("default url, no citations unless the tool enables them, error=url_not_accessible", async () => {
    const plainFetch: ToolUnion = { type: "web_fetch_20250910", name: "web_fetch" };
    const message = await client.messages.create(prompt("x [[double:web_fetch]]", [plainFetch]));
    expect(message.content[1]).toMatchObject({ input: { url: "https://example.com/page" } });
    expect(message.content[3]).toEqual({ type: "text", text: "The page says the answer is 42." });
    const failed = await client.messages.create(
      prompt("x [[double:web_fetch?error=url_not_accessible]]", [FETCH]),
    );
    expect(failed.content[2]).toMatchObject({
      content: { type: "web_fetch_tool_result_error", error_code: "url_not_accessible" },
    });
    expect(failed.content[3]).toMatchObject({ text: expect.stringContaining("url_not_accessible") });
    expect(failed.usage.server_tool_use).toEqual({ web_search_requests: 0, web_fetch_requests: 0 });
    const none = await client.messages.create(prompt("Hi [[double:web_fetch]]", [SEARCH]));
    expect(none.content).toEqual([{ type: "text", text: "Echo: Hi" }]);
  });
});

describe("code_execution scenario", () => {
  it("runs a bash command whose output file can be downloaded", async () => {
    const message = await client.messages
      .stream(prompt("6*7? [[double:code_execution]]", [CODE]))
      .finalMessage();
    expect(message.content.map((b) => b.type)).toEqual([
      "text",
      "server_tool_use",
      "bash_code_execution_tool_result",
      "text",
    ]);
    const [, call, result, answer] = message.content;
    expect(call).toMatchObject({
      name: "bash_code_execution",
      input: { command: "python3 -c 'print(6*7)'" },
    });
    expect(result).toEqual({
      type: "bash_code_execution_tool_result",
      tool_use_id: (call as { id: string }).id,
      content: {
        type: "bash_code_execution_result",
        stdout: "42\n",
        stderr: "",
        return_code: 0,
        content: [
          { type: "bash_code_execution_output", file_id: expect.stringMatching(/^file_double_\d+$/) },
        ],
      },
    });
    expect(answer).toEqual({ type: "text", text: "The answer is 42." });
    expect(message.container).toMatchObject({ id: expect.stringMatching(/^container_double_\d+$/) });

    const fileId =
      (result as { content: { content: { file_id: string }[] } }).content.content[0]?.file_id ?? "";
    const metadata = await client.files.retrieveMetadata(fileId);
    expect(metadata).toEqual({
      id: fileId,
      type: "file",
      filename: "answer.txt",
      mime_type: "text/plain",
      size_bytes: 3,
      created_at: expect.any(String),
      downloadable: true,
    });
    const download = await client.files.download(fileId);
    expect(download.headers.get("content-type")).toBe("text/plain");
    expect(await download.text()).toBe("42\n");

    // Sent back with the next prompt, the turn is accepted.
    const next = await client.messages.create({
      ...prompt("", [CODE]),
      messages: [
        { role: "user", content: "6*7? [[double:code_execution]]" },
        { role: "assistant", content: message.content },
        { role: "user", content: "Thanks" },
      ],
    });
    expect(next.content).toEqual([{ type: "text", text: "Echo: Thanks" }]);
  });

  it("error=execution_time_exceeded, and a failing command with return_code and stderr", async () => {
    const timedOut = await client.messages.create(
      prompt("x [[double:code_execution?error=execution_time_exceeded]]", [CODE]),
    );
    expect(timedOut.content[2]).toMatchObject({
      content: { type: "bash_code_execution_tool_result_error", error_code: "execution_time_exceeded" },
    });
    expect(timedOut.content[3]).toMatchObject({ text: expect.stringContaining("execution_time_exceeded") });
    const failing = await client.messages.create(
      prompt("x [[double:code_execution?return_code=1&stderr=boom%0A&command=false]]", [CODE]),
    );
    expect(failing.content[1]).toMatchObject({ input: { command: "false" } });
    expect(failing.content[2]).toMatchObject({
      content: {
        type: "bash_code_execution_result",
        stdout: "",
        stderr: "boom\n",
        return_code: 1,
        content: [],
      },
    });
    expect(failing.content[3]).toEqual({ type: "text", text: "The command failed with exit code 1." });
  });

  it("the legacy code_execution_20250522 tool answers with code_execution_tool_result", async () => {
    const legacy: ToolUnion = { type: "code_execution_20250522", name: "code_execution" };
    const message = await client.messages.create(prompt("x [[double:code_execution]]", [legacy]));
    expect(message.content[1]).toMatchObject({ name: "code_execution", input: { code: "print(6*7)" } });
    expect(message.content[2]).toMatchObject({
      type: "code_execution_tool_result",
      content: {
        type: "code_execution_result",
        stdout: "42\n",
        content: [{ type: "code_execution_output" }],
      },
    });
    const none = await client.messages.create(prompt("Hi [[double:code_execution]]", [SEARCH]));
    expect(none.content).toEqual([{ type: "text", text: "Echo: Hi" }]);
  });
});

describe("mcp scenario", () => {
  const params = (text: string) => ({
    model: MODEL,
    max_tokens: 1024,
    betas: [MCP_BETA],
    mcp_servers: [{ type: "url" as const, url: "https://mcp.example.com/sse", name: "docs" }],
    tools: [{ type: "mcp_toolset" as const, mcp_server_name: "docs" }],
    messages: [{ role: "user" as const, content: text }] as BetaMessageParam[],
  });

  it("an mcp_tool_use on the first server, its result, then text", async () => {
    const message = await client.beta.messages
      .stream(params("kittens [[double:mcp?tool=search_docs]]"))
      .finalMessage();
    expect(message.content).toEqual([
      {
        type: "mcp_tool_use",
        id: expect.stringMatching(/^mcptoolu_double_\d+$/),
        name: "search_docs",
        server_name: "docs",
        input: { q: "kittens" },
      },
      {
        type: "mcp_tool_result",
        tool_use_id: (message.content[0] as { id: string }).id,
        is_error: false,
        content: [{ type: "text", text: "MCP says hello" }],
      },
      { type: "text", text: "The connector answered." },
    ]);
    const next = await client.beta.messages.create({
      ...params(""),
      messages: [
        { role: "user", content: "kittens [[double:mcp]]" },
        { role: "assistant", content: message.content },
        { role: "user", content: "Thanks" },
      ],
    });
    expect(next.content).toEqual([{ type: "text", text: "Echo: Thanks" }]);
  });

  it("error=1: is_error true; default tool name lookup; plain text without MCP", async () => {
    const failed = await client.beta.messages.create(params("x [[double:mcp?error=1]]"));
    expect(failed.content[0]).toMatchObject({ type: "mcp_tool_use", name: "lookup" });
    expect(failed.content[1]).toMatchObject({ type: "mcp_tool_result", is_error: true });
    expect(failed.content[2]).toEqual({ type: "text", text: "The connector reported an error." });
    const none = await client.messages.create(prompt("Hi [[double:mcp]]", [SEARCH]));
    expect(none.content).toEqual([{ type: "text", text: "Echo: Hi" }]);
  });
});

describe("pause scenario", () => {
  it("stops with pause_turn after a search; the turn sent back ends with the final text", async () => {
    const messages: MessageParam[] = [{ role: "user", content: "Look it up [[double:pause]]" }];
    const first = await client.messages.stream(prompt("", [SEARCH], { messages })).finalMessage();
    expect(first.stop_reason).toBe("pause_turn");
    expect(first.content.map((b) => b.type)).toEqual(["text", "server_tool_use", "web_search_tool_result"]);
    expect(first.usage.server_tool_use?.web_search_requests).toBe(1);
    messages.push({ role: "assistant", content: first.content });
    const second = await client.messages.create(prompt("", [SEARCH], { messages }));
    expect(second.content).toEqual([{ type: "text", text: "Resumed after pause." }]);
    expect(second.stop_reason).toBe("end_turn");
  });

  it("with thinking on: thinking first, and the paused turn is accepted back", async () => {
    const thinking = { thinking: { type: "adaptive" as const, display: "summarized" as const } };
    const messages: MessageParam[] = [{ role: "user", content: "Look it up [[double:pause]]" }];
    const first = await client.messages.create(prompt("", [SEARCH], { messages, ...thinking }));
    expect(first.content.map((b) => b.type)).toEqual([
      "thinking",
      "text",
      "server_tool_use",
      "web_search_tool_result",
    ]);
    messages.push({ role: "assistant", content: first.content });
    const second = await client.messages.create(prompt("", [SEARCH], { messages, ...thinking }));
    expect(second.content).toEqual([{ type: "text", text: "Resumed after pause." }]);
  });

  it("without a web_search tool, plain text", async () => {
    const message = await client.messages.create(prompt("Hi [[double:pause]]", [FETCH]));
    expect(message.content).toEqual([{ type: "text", text: "Echo: Hi" }]);
    expect(message.stop_reason).toBe("end_turn");
  });
});

describe("tool scenarios next to server tools", () => {
  it("tool_use and tool_loop call the first client tool, not a server tool", async () => {
    const single = await client.messages.create(prompt("x [[double:tool_use]]", [SEARCH, CUSTOM]));
    expect(single.content).toEqual([
      { type: "tool_use", id: expect.any(String), name: "search", input: { location: "Paris" } },
    ]);
    const loop = await client.messages.create(prompt("x [[double:tool_loop]]", [CODE, CUSTOM]));
    expect(loop.content[1]).toMatchObject({ type: "tool_use", name: "search" });
  });
});

describe("Files API", () => {
  async function makeFile(): Promise<string> {
    const message = await client.messages.create(prompt("x [[double:code_execution]]", [CODE]));
    const result = message.content[2] as { content: { content: { file_id: string }[] } };
    return result.content.content[0]?.file_id ?? "";
  }

  it("metadata and content with the files beta header or without; requests are recorded", async () => {
    const id = await makeFile();
    const beta = await client.beta.files.retrieveMetadata(id, { betas: ["files-api-2025-04-14"] });
    expect(beta).toMatchObject({
      id,
      type: "file",
      filename: "answer.txt",
      size_bytes: 3,
      downloadable: true,
    });
    const raw = await fetch(`${double.url}/v1/files/${id}/content`, {
      headers: { "anthropic-beta": "files-api-2025-04-14" },
    });
    expect(raw.status).toBe(200);
    expect(raw.headers.get("request-id")).toMatch(/^req_double_\d+$/);
    expect(Buffer.from(await raw.arrayBuffer()).toString()).toBe("42\n");
    const plain = await client.files.retrieveMetadata(id);
    expect(Date.parse(plain.created_at)).not.toBeNaN();

    const fileRequests = double.requests.filter((r) => r.path.startsWith("/v1/files/"));
    expect(fileRequests.map((r) => [r.method, r.path.split("?")[0], r.headers["anthropic-beta"]])).toEqual([
      ["GET", `/v1/files/${id}`, "files-api-2025-04-14"],
      ["GET", `/v1/files/${id}/content`, "files-api-2025-04-14"],
      ["GET", `/v1/files/${id}`, undefined],
    ]);
  });

  it("unknown ids are 404 not_found_error; delete removes a file; reset forgets them", async () => {
    const err = await rejection(client.files.retrieveMetadata("file_nope"));
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as APIError).type).toBe("not_found_error");
    const missing = await fetch(`${double.url}/v1/files/file_nope/content`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ type: "error", error: { type: "not_found_error" } });

    const id = await makeFile();
    expect(await client.files.delete(id)).toEqual({ id, type: "file_deleted" });
    expect(await rejection(client.files.download(id))).toBeInstanceOf(NotFoundError);

    const other = await makeFile();
    double.reset();
    expect(await rejection(client.files.retrieveMetadata(other))).toBeInstanceOf(NotFoundError);
  });

  it("a failed or timed-out command hands out no file", async () => {
    const message = await client.messages.create(prompt("x [[double:code_execution?return_code=2]]", [CODE]));
    const n = message.id.slice("msg_double_".length);
    expect(await rejection(client.files.retrieveMetadata(`file_double_${n}`))).toBeInstanceOf(NotFoundError);
  });
});
