import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import Anthropic, { AnthropicError, APIError, APIUserAbortError } from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DoubleHandle, startDouble } from "../double/server";

let double: DoubleHandle;
let client: Anthropic;

beforeAll(async () => {
  double = await startDouble({ port: 0 });
  client = new Anthropic({ apiKey: "test-key-123", baseURL: double.url, maxRetries: 0 });
});
afterAll(() => double.close());
beforeEach(() => double.reset());

const user = (content: string) => ({
  model: "claude-sonnet-4-6",
  max_tokens: 1024,
  messages: [{ role: "user" as const, content }],
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

async function rawPost(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${double.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("text scenario", () => {
  it("streams an echo of the last user message that the SDK assembles", async () => {
    const message = await client.messages.stream(user("Hello double [[double:text]]")).finalMessage();
    expect(message.content).toEqual([{ type: "text", text: "Echo: Hello double" }]);
    expect(message.id).toMatch(/^msg_double_\d+$/);
    expect(message.model).toBe("claude-sonnet-4-6");
    expect(message.stop_reason).toBe("end_turn");
    // "Hello double [[double:text]]" is 28 chars -> ceil(28 / 4)
    expect(message.usage).toMatchObject({
      input_tokens: 7,
      output_tokens: 3,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });

  it("writes the exact SSE wire format with a request-id header", async () => {
    const res = await rawPost({ ...user("Hi"), stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("request-id")).toMatch(/^req_double_\d+$/);
    const text = await res.text();
    const n = res.headers.get("request-id")?.slice("req_double_".length);
    expect(
      text.startsWith(
        `event: message_start\ndata: {"type":"message_start","message":{"id":"msg_double_${n}",`,
      ),
    ).toBe(true);
    const names = [...text.matchAll(/^event: (\w+)\ndata: .+\n\n/gm)].map((m) => m[1]);
    expect(names).toEqual([
      "message_start",
      "content_block_start",
      "ping",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
  });

  it("reports cumulative usage from message_delta (overwritten, not added)", async () => {
    const stream = client.messages.stream(
      user("x [[double:text?tokens=12&input=100&cache_read=7&cache_write=5&output=40]]"),
    );
    const deltas: string[] = [];
    stream.on("text", (t) => deltas.push(t));
    const message = await stream.finalMessage();
    expect(deltas).toHaveLength(12);
    expect(deltas.join("")).toBe(
      "word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12",
    );
    expect(message.usage).toMatchObject({
      input_tokens: 100,
      output_tokens: 40,
      cache_read_input_tokens: 7,
      cache_creation_input_tokens: 5,
    });
  });

  it("answers without streaming with the same message", async () => {
    const message = await client.messages.create(
      user("Plain request [[double:text?text=Hi%20there%2C%20friend]]"),
    );
    expect(message.content).toEqual([{ type: "text", text: "Hi there, friend" }]);
    expect(message.usage.output_tokens).toBe(3);
  });

  it("stops at max_tokens", async () => {
    const message = await client.messages.create({ ...user("[[double:text?tokens=10]]"), max_tokens: 4 });
    expect(message.content).toEqual([{ type: "text", text: "word1 word2 word3 word4" }]);
    expect(message.stop_reason).toBe("max_tokens");
  });

  it("prefers a header scenario over a marker", async () => {
    const message = await client.messages.create(user("[[double:text?text=marker]]"), {
      headers: { "x-double-scenario": "text?text=header" },
    });
    expect(message.content).toEqual([{ type: "text", text: "header" }]);
  });
});

describe("request validation", () => {
  it("rejects a missing max_tokens with invalid_request_error", async () => {
    const res = await rawPost({ model: "claude-opus-5", messages: [] });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({
      type: "error",
      error: { type: "invalid_request_error", message: "max_tokens: Field required" },
      request_id: res.headers.get("request-id"),
    });
  });

  it("answers 404 not_found_error naming an unknown model; accepts demo and test-* ids", async () => {
    const err = await rejection(client.messages.create({ ...user("hi"), model: "claude-unknown-9" }));
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).status).toBe(404);
    expect((err as APIError).type).toBe("not_found_error");
    expect((err as APIError).message).toContain("model: claude-unknown-9");
    await expect(client.messages.create({ ...user("hi"), model: "demo" })).resolves.toMatchObject({
      model: "demo",
    });
    await expect(client.messages.create({ ...user("hi"), model: "test-x" })).resolves.toMatchObject({
      model: "test-x",
    });
  });

  it("fails loudly on an unknown scenario name", async () => {
    const err = (await rejection(client.messages.create(user("[[double:txet]]")))) as APIError;
    expect(err.status).toBe(400);
    expect(err.apiMessage).toBe('Unknown double scenario "txet" in "txet"');
  });
});

describe("error scenarios", () => {
  const cases: [number, string, string | undefined][] = [
    [400, "invalid_request_error", "req_011CZ47RMLnx1JoJXRrzzSde"],
    [401, "authentication_error", "req_011CFixture401AuthErr01"],
    [402, "billing_error", "req_011CFixture402Billing01"],
    [403, "permission_error", "req_011CaH53rCYtDAVnwhLQvkuc"],
    [404, "not_found_error", "req_011CSHoEeqs5C35K2UUqR7Fy"],
    [409, "conflict_error", "req_011CFixture409Conflict1"],
    [413, "request_too_large", undefined],
    [429, "rate_limit_error", "req_011CFixture429RateLim01"],
    [500, "api_error", "req_011CYVB4LnZmcupS55mD1Jje"],
    [504, "timeout_error", "req_011CFixture504Timeout01"],
    [529, "overloaded_error", "req_011CZAYwiDg6Eqv7HiBNWoE5"],
  ];

  it.each(cases)(
    "error:%i makes the SDK throw APIError with the recorded envelope",
    async (status, type, rid) => {
      const err = await rejection(
        client.messages
          .stream(user("hi"), { headers: { "x-double-scenario": `error:${status}` } })
          .finalMessage(),
      );
      expect(err).toBeInstanceOf(APIError);
      expect((err as APIError).status).toBe(status);
      expect((err as APIError).type).toBe(type);
      expect((err as APIError).requestID ?? undefined).toBe(rid);
    },
  );

  it("429 carries retry-after and rate-limit headers; the spend cap has none", async () => {
    const limited = await rawPost(user("hi"), { "x-double-scenario": "error:429?retry_after=3" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(limited.headers.get("anthropic-ratelimit-input-tokens-remaining")).toBe("0");
    expect((await rawPost(user("hi"), { "x-double-scenario": "error:429" })).headers.get("retry-after")).toBe(
      "1",
    );

    const capped = (await rejection(
      client.messages.create(user("hi"), { headers: { "x-double-scenario": "error:429?retry_after=none" } }),
    )) as APIError;
    expect(capped.status).toBe(429);
    expect(capped.headers?.get("retry-after")).toBeNull();
    expect(capped.errorCode).toBe("enforced_spend_limit_reached");
  });

  it("429 with limit=… exhausts that limit only, resetting retry_after from now", async () => {
    const before = Date.now();
    const res = await rawPost(user("hi"), {
      "x-double-scenario": "error:429?retry_after=5&limit=output-tokens",
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("anthropic-ratelimit-output-tokens-remaining")).toBe("0");
    expect(res.headers.get("anthropic-ratelimit-input-tokens-remaining")).not.toBe("0");
    expect(res.headers.get("anthropic-ratelimit-requests-remaining")).not.toBe("0");
    const reset = Date.parse(res.headers.get("anthropic-ratelimit-output-tokens-reset") ?? "");
    expect(reset - before).toBeGreaterThan(3000);
    expect(reset - before).toBeLessThan(7000);
    const bad = await rawPost(user("hi"), { "x-double-scenario": "error:429?limit=spend" });
    expect(bad.status).toBe(400);
  });

  it("sends x-should-retry: false only when asked", async () => {
    const res = await rawPost(user("hi"), { "x-double-scenario": "error:529?noretry=1" });
    expect(res.headers.get("x-should-retry")).toBe("false");
    const plain = await rawPost(user("hi"), { "x-double-scenario": "error:529" });
    expect(plain.headers.get("x-should-retry")).toBe("true");
  });

  it("queued 529 then text: the SDK retries and succeeds", async () => {
    const queued = await fetch(`${double.url}/__double/queue`, {
      method: "POST",
      body: JSON.stringify({ scenarios: ["error:529", "text?text=recovered"] }),
    });
    expect(await queued.json()).toEqual({ queued: 2 });
    const retrying = new Anthropic({ apiKey: "k", baseURL: double.url, maxRetries: 2 });
    const message = await retrying.messages.stream(user("hi")).finalMessage();
    expect(message.content).toEqual([{ type: "text", text: "recovered" }]);
    expect(double.requests.filter((r) => r.path === "/v1/messages")).toHaveLength(2);
  });

  it("rejects a queue entry with an unknown scenario", async () => {
    const res = await fetch(`${double.url}/__double/queue`, {
      method: "POST",
      body: JSON.stringify({ scenarios: ["text", "error:418"] }),
    });
    expect(res.status).toBe(400);
    const message = await client.messages.create(user("still default"));
    expect(message.content).toEqual([{ type: "text", text: "Echo: still default" }]);
  });
});

describe("broken streams", () => {
  it("midstream_error: text arrives, then the SDK throws overloaded_error", async () => {
    const stream = client.messages.stream(user("[[double:midstream_error?tokens=3]]"));
    let text = "";
    stream.on("text", (t) => {
      text += t;
    });
    const err = (await rejection(stream.finalMessage())) as APIError;
    expect(err).toBeInstanceOf(APIError);
    expect(err.type).toBe("overloaded_error");
    expect(text).toBe("word1 word2 word3");
  });

  it("midstream_error without streaming is a 529", async () => {
    const err = (await rejection(client.messages.create(user("[[double:midstream_error]]")))) as APIError;
    expect(err.status).toBe(529);
  });

  it("drop: the connection dies after some text and the SDK throws", async () => {
    const stream = client.messages.stream(user("[[double:drop?tokens=4]]"));
    let text = "";
    stream.on("text", (t) => {
      text += t;
    });
    const err = await rejection(stream.finalMessage());
    expect(err).toBeInstanceOf(AnthropicError);
    expect(err).not.toBeInstanceOf(APIUserAbortError);
    expect((err as Error).message).toBe("terminated");
    expect(text).toBe("word1 word2 word3 word4");
  });

  it("stall: an AbortController ends the hanging stream", async () => {
    const controller = new AbortController();
    const stream = client.messages.stream(user("[[double:stall?tokens=2]]"), { signal: controller.signal });
    let text = "";
    stream.on("text", (t) => {
      text += t;
      if (text === "word1 word2") controller.abort();
    });
    const started = Date.now();
    const err = await rejection(stream.finalMessage());
    expect(err).toBeInstanceOf(APIUserAbortError);
    expect(text).toBe("word1 word2");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("close() does not hang on a stalled stream", async () => {
    const other = await startDouble();
    const res = await fetch(`${other.url}/v1/messages`, {
      method: "POST",
      headers: { "x-double-scenario": "stall" },
      body: JSON.stringify({ ...user("hi"), stream: true }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(reader.read()).rejects.toThrow();
  });

  it("a fixture without streaming that ends in an error event answers with the error status", async () => {
    const err = (await rejection(
      client.messages.create(user("[[double:fixture:error_overloaded_midstream_observed]]")),
    )) as APIError;
    expect(err.status).toBe(529);
    expect(err.type).toBe("overloaded_error");
  });
});

describe("fixture replay", () => {
  const japanese = "こんにちは！今日はいい天気ですね🌸\n東京の気温は２５℃です。";

  it("japanese_text: bytes split inside characters are reassembled by the SDK", async () => {
    const message = await client.messages.stream(user("[[double:fixture:japanese_text]]")).finalMessage();
    expect(message.content).toEqual([{ type: "text", text: japanese }]);
    expect(message.usage.output_tokens).toBe(27);
  });

  it("japanese_text: the network chunks really cut characters apart", async () => {
    const res = await rawPost(
      { ...user("hi"), stream: true },
      { "x-double-scenario": "fixture:japanese_text" },
    );
    const chunks: Uint8Array[] = [];
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    const whole = Buffer.concat(chunks);
    expect(whole.length).toBe(1349);
    // The double writes at 533, 927 and 1071 bytes, each inside a character; a busy reader may get
    // two writes in one chunk, but never a cut anywhere else, and always at least one cut.
    const cuts = chunks
      .slice(0, -1)
      .map((_, i) => chunks.slice(0, i + 1).reduce((sum, c) => sum + c.length, 0));
    expect(cuts.length).toBeGreaterThan(0);
    const strict = new TextDecoder("utf-8", { fatal: true });
    for (const cut of cuts) {
      expect([533, 927, 1071]).toContain(cut);
      expect(() => strict.decode(whole.subarray(0, cut))).toThrow();
    }
    expect(new TextDecoder().decode(whole)).toContain('"text":"こんにちは"');
  });

  it("unknown_event_and_ping: the SDK skips unknown events and deltas", async () => {
    const message = await client.messages
      .stream(user("[[double:fixture:unknown_event_and_ping]]"))
      .finalMessage();
    expect(message.content).toEqual([{ type: "text", text: "Hello there!" }]);
    expect(message.stop_reason).toBe("end_turn");
  });

  it("rejects an unknown fixture name", async () => {
    const err = (await rejection(client.messages.create(user("[[double:fixture:nope]]")))) as APIError;
    expect(err.status).toBe(400);
    expect(err.apiMessage).toContain('Unknown double fixture "nope"');
  });
});

describe("thinking and tool use", () => {
  it("thinking: a signed thinking block, then text", async () => {
    const message = await client.messages.stream(user("Why? [[double:thinking?steps=2]]")).finalMessage();
    expect(message.content).toHaveLength(2);
    const [thinking, text] = message.content;
    expect(thinking).toMatchObject({
      type: "thinking",
      thinking: "Step 1: thinking it over.\nStep 2: thinking it over.",
    });
    expect(thinking?.type === "thinking" && thinking.signature.length).toBeGreaterThan(20);
    expect(text).toEqual({ type: "text", text: "Echo: Why?" });
    expect(message.usage.output_tokens).toBe(5);
  });

  it("tool_use: input_json_delta chunks parse into the tool input", async () => {
    const stream = client.messages.stream({
      ...user('[[double:tool_use?args={"city":"Paris","days":3}]]'),
      tools: [{ name: "forecast", description: "Weather", input_schema: { type: "object" } }],
    });
    const partials: string[] = [];
    stream.on("inputJson", (partial) => partials.push(partial));
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe("tool_use");
    expect(message.content).toEqual([
      {
        type: "tool_use",
        id: expect.stringMatching(/^toolu_double_\d+$/),
        name: "forecast",
        input: { city: "Paris", days: 3 },
      },
    ]);
    expect(partials.length).toBeGreaterThan(2);
  });
});

describe("prompt caching", () => {
  const cached = (model: string) => ({
    model,
    max_tokens: 100,
    system: [{ type: "text" as const, text: "S".repeat(400), cache_control: { type: "ephemeral" as const } }],
    messages: [{ role: "user" as const, content: "A question of 24 chars.." }],
  });

  it("a repeated prefix is read from the cache", async () => {
    const opts = { headers: { "x-double-scenario": "cache" } };
    const first = await client.messages.stream(cached("claude-opus-5"), opts).finalMessage();
    expect(first.usage).toMatchObject({
      cache_creation_input_tokens: 100,
      cache_read_input_tokens: 0,
      input_tokens: 6,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 0 },
    });
    const second = await client.messages.stream(cached("claude-opus-5"), opts).finalMessage();
    expect(second.usage).toMatchObject({
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 100,
      input_tokens: 6,
    });
    const otherModel = await client.messages.create(cached("claude-sonnet-5"), opts);
    expect(otherModel.usage).toMatchObject({ cache_creation_input_tokens: 100, cache_read_input_tokens: 0 });
    double.reset();
    const afterReset = await client.messages.create(cached("claude-opus-5"), opts);
    expect(afterReset.usage.cache_read_input_tokens).toBe(0);
  });

  it("rejects more than 4 cache breakpoints", async () => {
    const block = { type: "text" as const, text: "x", cache_control: { type: "ephemeral" as const } };
    const err = (await rejection(
      client.messages.create({ ...user("hi"), system: [block, block, block, block, block] }),
    )) as APIError;
    expect(err.status).toBe(400);
    expect(err.message).toContain("Found 5");
  });
});

describe("models and count_tokens", () => {
  const allIds = [
    "claude-opus-5",
    "claude-sonnet-5",
    "claude-fable-5",
    "claude-opus-4-8",
    "claude-opus-4-7",
    "claude-sonnet-4-6",
    "claude-opus-4-6",
    "claude-opus-4-5-20251101",
    "claude-haiku-4-5-20251001",
    "claude-sonnet-4-5-20250929",
  ];

  it("lists models page by page", async () => {
    const page = await client.models.list({ limit: 4 });
    expect(page.data.map((m) => m.id)).toEqual(allIds.slice(0, 4));
    expect(page.has_more).toBe(true);
    expect(page.last_id).toBe("claude-opus-4-8");
    const ids: string[] = [];
    for await (const model of client.models.list({ limit: 3 })) ids.push(model.id);
    expect(ids).toEqual(allIds);
    const paths = double.requests.map((r) => r.path);
    expect(paths).toContain("/v1/models?limit=3&after_id=claude-fable-5");
  });

  it("supports before_id and the default limit", async () => {
    const res = await fetch(`${double.url}/v1/models?before_id=claude-opus-4-7&limit=2`);
    expect(await res.json()).toMatchObject({
      first_id: "claude-fable-5",
      last_id: "claude-opus-4-8",
      has_more: true,
    });
    const all = await (await fetch(`${double.url}/v1/models`)).json();
    expect(all.data).toHaveLength(10);
    expect(all.has_more).toBe(false);
  });

  it("retrieves one model or answers 404", async () => {
    const model = await client.models.retrieve("claude-haiku-4-5-20251001");
    expect(model).toMatchObject({ display_name: "Claude Haiku 4.5", max_input_tokens: 200000 });
    const err = (await rejection(client.models.retrieve("claude-nope"))) as APIError;
    expect(err.status).toBe(404);
  });

  it("counts tokens deterministically", async () => {
    const base = {
      model: "claude-opus-5",
      system: "You are a scientist",
      messages: [{ role: "user" as const, content: "Hello, Claude" }],
    };
    // 19 + 13 chars -> 8 tokens
    expect(await client.messages.countTokens(base)).toEqual({ input_tokens: 8 });
    const withImage = await client.messages.countTokens({
      ...base,
      messages: [
        {
          role: "user",
          content: [
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
            { type: "text", text: "Hello, Claude" },
          ],
        },
      ],
    });
    expect(withImage.input_tokens).toBe(8 + 1600);
  });
});

describe("recording and control routes", () => {
  it("records requests with the API key redacted", async () => {
    // The SDK sends its apiKey as a bearer token; other clients use x-api-key.
    await client.messages.create(user("remember me"));
    await rawPost(user("raw"), { "x-api-key": "sk-ant-secret" });
    expect(double.requests).toHaveLength(2);
    const [sdk, raw] = double.requests;
    expect(sdk).toMatchObject({ method: "POST", path: "/v1/messages", body: user("remember me") });
    expect(sdk?.headers.authorization).toBe("Bearer <redacted>");
    expect(raw?.headers["x-api-key"]).toBe("<redacted>");
    expect(raw?.body).toEqual(user("raw"));
    expect(JSON.stringify(double.requests)).not.toMatch(/test-key-123|sk-ant-secret/);

    const listed = await (await fetch(`${double.url}/__double/requests?path=/v1/messages`)).json();
    expect(listed).toHaveLength(2);
    expect(
      (await (await fetch(`${double.url}/__double/requests?path=/v1/models`)).json()) as unknown[],
    ).toEqual([]);
    await fetch(`${double.url}/__double/reset`, { method: "POST" });
    expect(double.requests).toHaveLength(0);
  });
});

describe("CLI", () => {
  it("prints DOUBLE_URL, serves, and stops on SIGTERM", async () => {
    const main = fileURLToPath(new URL("../double/main.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", main], {
      env: { ...process.env, DOUBLE_PORT: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out);
      });
      child.on("exit", () => reject(new Error(`exited early: ${out}`)));
    });
    expect(line).toMatch(/^DOUBLE_URL=http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = line.trim().slice("DOUBLE_URL=".length);
    const models = await (await fetch(`${url}/v1/models?limit=1`)).json();
    expect(models.first_id).toBe("claude-opus-5");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 15_000);
});
