// toApiMessages: the stored branch (and the reply's steps so far) as the Messages API's `messages`.
import { describe, expect, it } from "vitest";
import type { ContentBlock } from "@/lib/chat/content";
import { type HistoryMessage, type HistoryOptions, type ImageData, toApiMessages } from "@/lib/chat/history";

const MODEL = "claude-sonnet-4-6";
const OTHER_MODEL = "claude-opus-4-8";

const on = (overrides: Partial<HistoryOptions> = {}): HistoryOptions => ({
  model: MODEL,
  thinking: true,
  tools: true,
  ...overrides,
});

const text = (value: string): ContentBlock => ({ type: "text", text: value });
const thinking = (value: string, signature?: string): ContentBlock =>
  signature === undefined
    ? { type: "thinking", thinking: value }
    : { type: "thinking", thinking: value, signature };
const redacted = (data: string): ContentBlock => ({ type: "redacted_thinking", data });
const toolUse = (id: string, input: unknown = { query: "cats" }): ContentBlock => ({
  type: "tool_use",
  id,
  name: "search_conversations",
  input,
});
const toolResult = (id: string, content = `result of ${id}`): ContentBlock => ({
  type: "tool_result",
  tool_use_id: id,
  content,
});

const user = (...content: ContentBlock[]): HistoryMessage => ({ role: "user", content });
/** A stored reply, written by MODEL unless told (`undefined`: no model field at all). */
const assistant = (content: ContentBlock[], ...model: [string | null | undefined] | []): HistoryMessage =>
  model.length === 0
    ? { role: "assistant", content, model: MODEL }
    : model[0] === undefined
      ? { role: "assistant", content }
      : { role: "assistant", content, model: model[0] };

describe("toApiMessages: user turns", () => {
  it("sends user turns verbatim, images included", () => {
    const image = {
      type: "image",
      source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" },
    };
    expect(toApiMessages([user(image, text("And this?"))], on())).toEqual([
      { role: "user", content: [image, { type: "text", text: "And this?" }] },
    ]);
  });

  it("maps any non-assistant role to user", () => {
    expect(toApiMessages([{ role: "system", content: [text("x")] }], on())).toEqual([
      { role: "user", content: [{ type: "text", text: "x" }] },
    ]);
  });

  it("drops empty text blocks but keeps the rest of the turn", () => {
    expect(toApiMessages([user(text(""), text("Part two"))], on())).toEqual([
      { role: "user", content: [{ type: "text", text: "Part two" }] },
    ]);
  });

  it("joins consecutive user turns into one message", () => {
    expect(
      toApiMessages(
        [
          user(text("Hi")),
          assistant([]),
          assistant([text("")]),
          assistant([thinking("…")]),
          user(text("Hello?")),
        ],
        on(),
      ),
    ).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Hi" },
          { type: "text", text: "Hello?" },
        ],
      },
    ]);
  });

  it("drops a user turn left empty and joins the assistant turns around it", () => {
    expect(
      toApiMessages([user(text("Q")), assistant([text("A")]), user(text("")), assistant([text("B")])], on()),
    ).toEqual([
      { role: "user", content: [{ type: "text", text: "Q" }] },
      {
        role: "assistant",
        content: [
          { type: "text", text: "A" },
          { type: "text", text: "B" },
        ],
      },
    ]);
  });

  it("drops a leading assistant message: a conversation opens with the user", () => {
    expect(toApiMessages([assistant([text("Welcome")]), user(text("Hi"))], on())).toEqual([
      { role: "user", content: [{ type: "text", text: "Hi" }] },
    ]);
  });

  it("returns no messages for an empty history", () => {
    expect(toApiMessages([], on())).toEqual([]);
  });
});

describe("toApiMessages: images", () => {
  const attachment = (id: string) => ({
    type: "image",
    source: { type: "attachment", attachment_id: id, media_type: "image/png" },
  });
  const images: ImageData = new Map([["att_1", { mediaType: "image/webp", base64: "UklGRg==" }]]);

  it("sends an uploaded image as base64 from options.images", () => {
    expect(toApiMessages([user(attachment("att_1"), text("What is it?"))], on({ images }))).toEqual([
      {
        role: "user",
        content: [
          { type: "image", source: { type: "base64", media_type: "image/webp", data: "UklGRg==" } },
          { type: "text", text: "What is it?" },
        ],
      },
    ]);
  });

  it("replaces an image that is no longer available with a placeholder text", () => {
    const placeholder = { type: "text", text: "[An image that is no longer available was here.]" };
    expect(toApiMessages([user(attachment("att_gone"))], on({ images }))).toEqual([
      { role: "user", content: [placeholder] },
    ]);
    // No images at all: the same placeholder.
    expect(toApiMessages([user(attachment("att_1"))], on())).toEqual([
      { role: "user", content: [placeholder] },
    ]);
  });

  it("keeps URL images as they are", () => {
    const url = { type: "image", source: { type: "url", url: "https://example.com/cat.png" } };
    expect(toApiMessages([user(url)], on({ images }))).toEqual([{ role: "user", content: [url] }]);
  });
});

describe("toApiMessages: earlier thinking", () => {
  const signed = thinking("Simple arithmetic.", "sig_1");
  const history = (model: string | null | undefined, ...blocks: ContentBlock[]) => [
    user(text("What is 2+2?")),
    assistant([...blocks, text("4")], model),
    user(text("And 3+3?")),
  ];
  const withThinking = (...blocks: ContentBlock[]) => [
    { role: "user", content: [{ type: "text", text: "What is 2+2?" }] },
    { role: "assistant", content: [...blocks, { type: "text", text: "4" }] },
    { role: "user", content: [{ type: "text", text: "And 3+3?" }] },
  ];

  it.each([
    ["thinking on, same model: kept", MODEL, on(), [signed], [signed]],
    ["a model switch: dropped, the text kept", OTHER_MODEL, on(), [signed], []],
    ["thinking off: dropped", MODEL, on({ thinking: false }), [signed], []],
    ["thinking off and another model: dropped", OTHER_MODEL, on({ thinking: false }), [signed], []],
    ["no model recorded: dropped", null, on(), [signed], []],
    ["model undefined: dropped", undefined, on(), [signed], []],
    ["cut off before its signature: dropped", MODEL, on(), [thinking("Simple")], []],
    ["an empty signature: dropped", MODEL, on(), [thinking("Simple", "")], []],
    ["redacted, same model: kept", MODEL, on(), [redacted("EmwKAhgB")], [redacted("EmwKAhgB")]],
    ["redacted, another model: dropped", OTHER_MODEL, on(), [redacted("EmwKAhgB")], []],
    ["redacted, thinking off: dropped", MODEL, on({ thinking: false }), [redacted("EmwKAhgB")], []],
    ["redacted without data: dropped", MODEL, on(), [redacted("")], []],
    [
      "displayed omitted (empty text, signed): kept",
      MODEL,
      on(),
      [thinking("", "sig_omitted")],
      [thinking("", "sig_omitted")],
    ],
    [
      "several blocks, same model: all kept in order",
      MODEL,
      on(),
      [signed, redacted("EmwKAhgB"), thinking("More.", "sig_2")],
      [signed, redacted("EmwKAhgB"), thinking("More.", "sig_2")],
    ],
    [
      "a signed block and a cut-off one: only the signed one kept",
      MODEL,
      on(),
      [signed, thinking("cut")],
      [signed],
    ],
  ] as const)("%s", (_, model, options, blocks, kept) => {
    expect(toApiMessages(history(model, ...blocks), options)).toEqual(withThinking(...kept));
  });

  it("strips fields the API does not take back from thinking blocks", () => {
    const stored = { type: "thinking", thinking: "Hmm.", signature: "sig_1", startedAt: 1, durationMs: 2 };
    const stored2 = { type: "redacted_thinking", data: "EmwKAhgB", note: "app" };
    expect(toApiMessages(history(MODEL, stored, stored2), on())).toEqual(
      withThinking(
        { type: "thinking", thinking: "Hmm.", signature: "sig_1" },
        { type: "redacted_thinking", data: "EmwKAhgB" },
      ),
    );
  });

  it("drops a reply with only thinking from another model entirely", () => {
    expect(
      toApiMessages(
        [user(text("Q1")), assistant([signed], OTHER_MODEL), user(text("Q2"))],
        on({ model: MODEL }),
      ),
    ).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Q1" },
          { type: "text", text: "Q2" },
        ],
      },
    ]);
  });

  it("decides per message: after a model switch and back, only the current model's thinking is kept", () => {
    const result = toApiMessages(
      [
        user(text("Q1")),
        assistant([thinking("by sonnet", "sig_s"), text("A1")], MODEL),
        user(text("Q2")),
        assistant([thinking("by opus", "sig_o"), text("A2")], OTHER_MODEL),
        user(text("Q3")),
      ],
      on({ model: MODEL }),
    );
    expect(result).toEqual([
      { role: "user", content: [{ type: "text", text: "Q1" }] },
      { role: "assistant", content: [thinking("by sonnet", "sig_s"), { type: "text", text: "A1" }] },
      { role: "user", content: [{ type: "text", text: "Q2" }] },
      { role: "assistant", content: [{ type: "text", text: "A2" }] },
      { role: "user", content: [{ type: "text", text: "Q3" }] },
    ]);
  });
});

describe("toApiMessages: earlier tool calls", () => {
  it("splits a reply at its tool results into assistant / user / assistant messages", () => {
    const history = [
      user(text("What did I say about cats?")),
      assistant([
        thinking("Search.", "sig_1"),
        text("Let me look."),
        toolUse("toolu_1"),
        toolResult("toolu_1"),
        text("You said they are great."),
      ]),
      user(text("Thanks")),
    ];
    expect(toApiMessages(history, on())).toEqual([
      { role: "user", content: [{ type: "text", text: "What did I say about cats?" }] },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Search.", signature: "sig_1" },
          { type: "text", text: "Let me look." },
          { type: "tool_use", id: "toolu_1", name: "search_conversations", input: { query: "cats" } },
        ],
      },
      {
        role: "user",
        content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "result of toolu_1" }],
      },
      { role: "assistant", content: [{ type: "text", text: "You said they are great." }] },
      { role: "user", content: [{ type: "text", text: "Thanks" }] },
    ]);
  });

  it("keeps parallel calls together: the calls in one message, their results in the next", () => {
    const history = [
      user(text("Q")),
      assistant([
        toolUse("toolu_a"),
        toolUse("toolu_b"),
        toolResult("toolu_a"),
        toolResult("toolu_b"),
        text("Done."),
      ]),
      user(text("Next")),
    ];
    expect(toApiMessages(history, on())).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [toolUse("toolu_a"), toolUse("toolu_b")] },
      { role: "user", content: [toolResult("toolu_a"), toolResult("toolu_b")] },
      { role: "assistant", content: [text("Done.")] },
      { role: "user", content: [text("Next")] },
    ]);
  });

  it("a stopped reply: an unanswered tool_use is dropped, the text kept", () => {
    const history = [
      user(text("Q")),
      assistant([text("Let me look."), toolUse("toolu_1", { query: "ca" })]),
      user(text("Never mind")),
    ];
    expect(toApiMessages(history, on())).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [text("Let me look.")] },
      { role: "user", content: [text("Never mind")] },
    ]);
  });

  it("a stopped reply: of two parallel calls only the answered one is kept", () => {
    const history = [
      user(text("Q")),
      assistant([toolUse("toolu_a"), toolUse("toolu_b"), toolResult("toolu_a"), text("Partial.")]),
      user(text("Next")),
    ];
    expect(toApiMessages(history, on())).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [toolUse("toolu_a")] },
      { role: "user", content: [toolResult("toolu_a")] },
      { role: "assistant", content: [text("Partial.")] },
      { role: "user", content: [text("Next")] },
    ]);
  });

  it("drops a tool_result whose tool_use is not in the same message", () => {
    const history = [
      user(text("Q")),
      assistant([toolUse("toolu_1"), toolResult("toolu_1"), text("A")]),
      user(text("Q2")),
      assistant([toolResult("toolu_1"), toolResult("toolu_x"), text("B")]),
      user(text("Q3")),
    ];
    expect(toApiMessages(history, on())).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [toolUse("toolu_1")] },
      { role: "user", content: [toolResult("toolu_1")] },
      { role: "assistant", content: [text("A")] },
      { role: "user", content: [text("Q2")] },
      { role: "assistant", content: [text("B")] },
      { role: "user", content: [text("Q3")] },
    ]);
  });

  it("a reply ending with a tool_result: joined with the next user text, the tool_result first", () => {
    const history = [
      user(text("Q")),
      assistant([text("Looking."), toolUse("toolu_1"), toolResult("toolu_1")]),
      user(text("Go on")),
    ];
    expect(toApiMessages(history, on())).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [text("Looking."), toolUse("toolu_1")] },
      { role: "user", content: [toolResult("toolu_1"), text("Go on")] },
    ]);
  });

  it("a reply whose only step was a tool call: the call follows the user turn directly", () => {
    const history = [
      user(text("Q")),
      assistant([toolUse("toolu_1"), toolResult("toolu_1")]),
      user(text("Go on"), text("please")),
    ];
    expect(toApiMessages(history, on())).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [toolUse("toolu_1")] },
      { role: "user", content: [toolResult("toolu_1"), text("Go on"), text("please")] },
    ]);
  });

  it("tools off: earlier tool pairs are dropped and the rest joined", () => {
    const history = [
      user(text("Q")),
      assistant([
        text("Let me look."),
        toolUse("toolu_1"),
        toolResult("toolu_1"),
        text("Found it."),
        toolUse("toolu_2"),
        toolResult("toolu_2"),
      ]),
      user(text("Thanks")),
    ];
    expect(toApiMessages(history, on({ tools: false }))).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [text("Let me look."), text("Found it.")] },
      { role: "user", content: [text("Thanks")] },
    ]);
  });

  it("tools off: a reply of only a tool call disappears and the user turns are joined", () => {
    const history = [
      user(text("Q")),
      assistant([toolUse("toolu_1"), toolResult("toolu_1")]),
      user(text("Q2")),
    ];
    expect(toApiMessages(history, on({ tools: false }))).toEqual([
      { role: "user", content: [text("Q"), text("Q2")] },
    ]);
  });

  it("strips the app's own fields: truncated_input, caller, is_error false, extras", () => {
    const history = [
      user(text("Q")),
      assistant([
        {
          type: "tool_use",
          id: "toolu_1",
          name: "calc",
          input: { a: 1 },
          truncated_input: '{"a": 1',
          caller: {},
        },
        { type: "tool_result", tool_use_id: "toolu_1", content: "2", is_error: false, durationMs: 12 },
        { type: "tool_use", id: "toolu_2", name: "calc", truncated_input: "{" },
        {
          type: "tool_result",
          tool_use_id: "toolu_2",
          content: [{ type: "text", text: "bad" }],
          is_error: true,
        },
        { type: "text", text: "A", extra: 1 },
      ]),
    ];
    expect(toApiMessages(history, on())).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "calc", input: { a: 1 } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "2" }] },
      // A tool_use stored without input is sent with an empty one.
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_2", name: "calc", input: {} }] },
      {
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: "toolu_2",
            content: [{ type: "text", text: "bad" }],
            is_error: true,
          },
        ],
      },
      { role: "assistant", content: [text("A")] },
    ]);
    const [, first, result] = toApiMessages(history, on());
    expect(Object.keys((first!.content as object[])[0]!)).toEqual(["type", "id", "name", "input"]);
    expect(Object.keys((result!.content as object[])[0]!)).toEqual(["type", "tool_use_id", "content"]);
  });

  it("keeps citations on text, and no other extra field", () => {
    const citations = [{ type: "char_location", cited_text: "x", document_index: 0 }];
    const history = [user(text("Q")), assistant([{ type: "text", text: "Cited.", citations, extra: true }])];
    expect(toApiMessages(history, on())).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [{ type: "text", text: "Cited.", citations }] },
    ]);
  });

  it("keeps server tool blocks (e.g. web search) within the assistant message while the tool is offered", () => {
    const serverUse = {
      type: "server_tool_use",
      id: "srvtoolu_1",
      name: "web_search",
      input: { query: "x" },
    };
    const serverResult = { type: "web_search_tool_result", tool_use_id: "srvtoolu_1", content: [] };
    const history = [user(text("Q")), assistant([serverUse, serverResult, text("A")]), user(text("Q2"))];
    expect(toApiMessages(history, on({ tools: false, serverTools: ["web_search"] }))).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [serverUse, serverResult, text("A")] },
      { role: "user", content: [text("Q2")] },
    ]);
    // Switched off: the call and its result go, the answer stays.
    expect(toApiMessages(history, on({ tools: false }))).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [text("A")] },
      { role: "user", content: [text("Q2")] },
    ]);
  });

  it("keeps code execution's bash calls with their results, and drops a call that never got one", () => {
    const bash = {
      type: "server_tool_use",
      id: "srv_b",
      name: "bash_code_execution",
      input: { command: "ls" },
    };
    const bashResult = { type: "bash_code_execution_tool_result", tool_use_id: "srv_b", content: {} };
    const cut = { type: "server_tool_use", id: "srv_cut", name: "bash_code_execution", input: {} };
    const history = [user(text("Q")), assistant([bash, bashResult, text("A"), cut]), user(text("Q2"))];
    expect(toApiMessages(history, on({ tools: false, serverTools: ["code_execution"] }))[1]).toEqual({
      role: "assistant",
      content: [bash, bashResult, text("A")],
    });
  });

  it("keeps MCP calls only while their server is offered", () => {
    const call = { type: "mcp_tool_use", id: "mcp_1", name: "lookup", server_name: "wiki", input: {} };
    const result = { type: "mcp_tool_result", tool_use_id: "mcp_1", is_error: false, content: [] };
    const history = [user(text("Q")), assistant([call, result, text("A")]), user(text("Q2"))];
    expect(toApiMessages(history, on({ tools: false, mcpServers: ["wiki"] }))[1]?.content).toEqual([
      call,
      result,
      text("A"),
    ]);
    expect(toApiMessages(history, on({ tools: false, mcpServers: ["other"] }))[1]?.content).toEqual([
      text("A"),
    ]);
  });
});

describe("toApiMessages: the current turn", () => {
  const history = [
    user(text("Q1")),
    assistant([thinking("old", "sig_old"), text("A1"), toolUse("toolu_old")], OTHER_MODEL),
    user(text("What did I say about cats?")),
  ];
  const turnSoFar: ContentBlock[] = [
    thinking("I should search.", "sig_1"),
    redacted("EmwKAhgB"),
    text(""),
    text("Let me look."),
    toolUse("toolu_1"),
    toolResult("toolu_1"),
    thinking("Found one; search more.", "sig_2"),
    toolUse("toolu_2"),
    toolResult("toolu_2"),
  ];

  it("is sent back exactly, split at its tool results, only empty text dropped", () => {
    expect(toApiMessages(history, on(), turnSoFar)).toEqual([
      { role: "user", content: [text("Q1")] },
      // Earlier: another model's thinking and the unanswered call dropped.
      { role: "assistant", content: [text("A1")] },
      { role: "user", content: [text("What did I say about cats?")] },
      {
        role: "assistant",
        content: [
          thinking("I should search.", "sig_1"),
          redacted("EmwKAhgB"),
          text("Let me look."),
          toolUse("toolu_1"),
        ],
      },
      { role: "user", content: [toolResult("toolu_1")] },
      { role: "assistant", content: [thinking("Found one; search more.", "sig_2"), toolUse("toolu_2")] },
      { role: "user", content: [toolResult("toolu_2")] },
    ]);
  });

  it("keeps its thinking whatever the options say about earlier turns", () => {
    const result = toApiMessages(history, on({ model: "claude-haiku-4-5", thinking: false }), turnSoFar);
    expect(result.slice(3)).toEqual(toApiMessages(history, on(), turnSoFar).slice(3));
  });

  it("an empty turn so far adds nothing", () => {
    expect(toApiMessages(history, on(), [])).toEqual(toApiMessages(history, on()));
  });

  it("follows a history that ended with a tool_result: the user message keeps tool results first", () => {
    const stoppedHistory = [
      user(text("Q")),
      assistant([toolUse("toolu_1"), toolResult("toolu_1")]),
      user(text("Go")),
    ];
    expect(
      toApiMessages(stoppedHistory, on(), [text("Sure."), toolUse("toolu_2"), toolResult("toolu_2")]),
    ).toEqual([
      { role: "user", content: [text("Q")] },
      { role: "assistant", content: [toolUse("toolu_1")] },
      { role: "user", content: [toolResult("toolu_1"), text("Go")] },
      { role: "assistant", content: [text("Sure."), toolUse("toolu_2")] },
      { role: "user", content: [toolResult("toolu_2")] },
    ]);
  });
});

describe("toApiMessages: purity", () => {
  it("does not modify the history or the turn so far", () => {
    const history = [
      user(text("Q"), {
        type: "image",
        source: { type: "attachment", attachment_id: "a", media_type: "image/png" },
      }),
      assistant([
        thinking("t", "s"),
        text(""),
        { type: "tool_use", id: "toolu_1", name: "x", input: {}, truncated_input: "{" },
        toolResult("toolu_1"),
        toolUse("toolu_2"),
      ]),
      user(text("Q2")),
    ];
    const turnSoFar = [text(""), toolUse("toolu_3"), toolResult("toolu_3")];
    const copies = structuredClone({ history, turnSoFar });
    const result = toApiMessages(
      history,
      on({ images: new Map([["a", { mediaType: "image/png", base64: "x" }]]) }),
      turnSoFar,
    );
    expect({ history, turnSoFar }).toEqual(copies);

    // Changing the result does not reach the stored messages.
    for (const message of result) (message.content as unknown[]).push({ type: "text", text: "mutated" });
    expect({ history, turnSoFar }).toEqual(copies);
  });
});

describe("toApiMessages: documents", () => {
  const stored = (id: string, mediaType: string, title: string): ContentBlock => ({
    type: "document",
    source: { type: "attachment", attachment_id: id, media_type: mediaType },
    title,
    pages: 3,
  });
  const files: ImageData = new Map([
    ["pdf_1", { mediaType: "application/pdf", base64: "JVBERi0xLjc=" }],
    ["txt_1", { mediaType: "text/plain", base64: Buffer.from("a,b\n1,2\n名前,値\n").toString("base64") }],
  ]);

  it("sends a PDF as base64 and a text file as a text source, both titled, without the app's fields", () => {
    const turn = user(
      stored("pdf_1", "application/pdf", "report.pdf"),
      stored("txt_1", "text/plain", "data.csv"),
    );
    expect(toApiMessages([turn], on({ images: files }))[0]?.content).toEqual([
      {
        type: "document",
        source: { type: "base64", media_type: "application/pdf", data: "JVBERi0xLjc=" },
        title: "report.pdf",
      },
      {
        type: "document",
        source: { type: "text", media_type: "text/plain", data: "a,b\n1,2\n名前,値\n" },
        title: "data.csv",
      },
    ]);
  });

  it("turns citations on for every document when the conversation's switch is on", () => {
    const turn = user(
      stored("pdf_1", "application/pdf", "report.pdf"),
      stored("txt_1", "text/plain", "data.csv"),
    );
    const content = toApiMessages([turn], on({ images: files, citations: true }))[0]?.content as {
      citations?: unknown;
    }[];
    expect(content.map((block) => block.citations)).toEqual([{ enabled: true }, { enabled: true }]);
    const off = toApiMessages([turn], on({ images: files }))[0]?.content as { citations?: unknown }[];
    expect(off.every((block) => !("citations" in block))).toBe(true);
  });

  it("names files that are in the Files API by id instead of sending their bytes", () => {
    const uploaded: ImageData = new Map([
      ["pdf_1", { mediaType: "application/pdf", base64: "", fileId: "file_1" }],
      ["txt_1", { mediaType: "text/plain", base64: "", fileId: "file_2" }],
      ["img_1", { mediaType: "image/png", base64: "", fileId: "file_3" }],
    ]);
    const image: ContentBlock = {
      type: "image",
      source: { type: "attachment", attachment_id: "img_1", media_type: "image/png" },
    };
    const turn = user(
      image,
      stored("pdf_1", "application/pdf", "report.pdf"),
      stored("txt_1", "text/plain", "a.txt"),
    );
    expect(toApiMessages([turn], on({ images: uploaded, citations: true }))[0]?.content).toEqual([
      { type: "image", source: { type: "file", file_id: "file_3" } },
      {
        type: "document",
        source: { type: "file", file_id: "file_1" },
        title: "report.pdf",
        citations: { enabled: true },
      },
      {
        type: "document",
        source: { type: "file", file_id: "file_2" },
        title: "a.txt",
        citations: { enabled: true },
      },
    ]);
  });

  it("replaces a file that is no longer available with a placeholder naming it", () => {
    expect(toApiMessages([user(stored("gone", "application/pdf", "old.pdf"))], on())[0]?.content).toEqual([
      { type: "text", text: "[The file “old.pdf”, no longer available, was here.]" },
    ]);
  });
});
