import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { classifyError, namingTheTool, StalledError } from "@/lib/chat/errors";
import { type DoubleHandle, startDouble } from "../double/server";

let double: DoubleHandle;
let client: Anthropic;

beforeAll(async () => {
  double = await startDouble({ port: 0 });
  client = new Anthropic({ apiKey: "test", baseURL: double.url, maxRetries: 0 });
});
afterAll(() => double.close());
beforeEach(() => double.reset());

const body = (text = "Hello") => ({
  model: "claude-sonnet-4-6",
  max_tokens: 256,
  messages: [{ role: "user" as const, content: text }],
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

/** The error the SDK throws for a request answered by scenario `spec`. */
function errorFor(spec: string): Promise<unknown> {
  return rejection(client.messages.create(body(), { headers: { "x-double-scenario": spec } }));
}

/** The error the SDK throws while reading a stream answered by scenario `spec`, and the text seen before. */
async function streamErrorFor(
  spec: string,
): Promise<{ error: unknown; text: string; requestId: string | null }> {
  const stream = client.messages.stream(body(`Go [[double:${spec}]]`));
  let text = "";
  stream.on("text", (delta) => {
    text += delta;
  });
  const error = await rejection(stream.finalMessage());
  return { error, text, requestId: stream.request_id ?? null };
}

describe("classifyError with SDK errors from the test double", () => {
  it.each([
    [401, "authentication_error", "invalid x-api-key", "req_011CFixture401AuthErr01"],
    [403, "permission_error", "Permission denied", "req_011CaH53rCYtDAVnwhLQvkuc"],
    [404, "not_found_error", "The requested resource could not be found.", "req_011CSHoEeqs5C35K2UUqR7Fy"],
    [500, "api_error", "Internal server error", "req_011CYVB4LnZmcupS55mD1Jje"],
    [529, "overloaded_error", "Overloaded", "req_011CZAYwiDg6Eqv7HiBNWoE5"],
  ])("error:%i → %s", async (status, type, message, requestId) => {
    const error = await errorFor(`error:${status}`);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(status);
    expect(classifyError(error)).toEqual({ type, message, requestId, retryAfterSeconds: null });
  });

  it("prefers the error's request id over the one passed in", async () => {
    const error = await errorFor("error:401");
    expect(classifyError(error, "req_from_stream").requestId).toBe("req_011CFixture401AuthErr01");
  });

  it("413 without a body type or request id → request_too_large, keeping the passed request id", async () => {
    const error = await errorFor("error:413");
    expect(classifyError(error)).toEqual({
      type: "request_too_large",
      message: "Request exceeds the maximum size",
      requestId: null,
      retryAfterSeconds: null,
    });
    expect(classifyError(error, "req_known").requestId).toBe("req_known");
  });

  it("429 → rate_limited, with retry-after and the limit whose remaining is 0 and its reset", async () => {
    const error = await errorFor("error:429?retry_after=7");
    const info = classifyError(error);
    expect(info.type).toBe("rate_limited");
    expect(info.params).toEqual({ limit: "input_tokens", resetsAt: "2026-08-12T15:32:26.000Z" });
    expect(info.retryAfterSeconds).toBe(7);
    expect(info.requestId).toBe("req_011CFixture429RateLim01");
    expect(info.message).toContain("rate limit of 30,000 input tokens per minute");
  });

  it("429 spend cap without retry-after → retryAfterSeconds null", async () => {
    const info = classifyError(await errorFor("error:429?retry_after=none"));
    expect(info.type).toBe("rate_limited");
    expect(info.params).toEqual({ limit: "spend" });
    expect(info.retryAfterSeconds).toBeNull();
    expect(info.requestId).toBe("req_018EeWyXxfu5pfWkrYcMdjWG");
    expect(info.message).toContain("API usage limits");
  });

  it("400 credit balance → credit_balance", async () => {
    const info = classifyError(await errorFor("error:400?case=400_invalid_request_credit_balance"));
    expect(info).toEqual({
      type: "credit_balance",
      message:
        "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.",
      requestId: "req_011CZ47RMLnx1JoJXRrzzSde",
      retryAfterSeconds: null,
    });
  });

  it("other 400s stay invalid_request_error", async () => {
    const info = classifyError(await errorFor("error:400?case=400_invalid_request_prefill"));
    expect(info.type).toBe("invalid_request_error");
    expect(info.message).toBe(
      "This model does not support assistant message prefill. The conversation must end with a user message.",
    );
    expect(info.requestId).toBe("req_011CFixture400Prefill01");
  });

  it("a 404 for an unknown model keeps the API message", async () => {
    const error = await rejection(client.messages.create({ ...body(), model: "claude-nope-1" }));
    const info = classifyError(error);
    expect(info.type).toBe("not_found_error");
    expect(info.message).toBe("model: claude-nope-1");
    expect(info.requestId).toMatch(/^req_double_\d+$/);
  });

  it("midstream_error → overloaded_error after some text, with the stream's request id", async () => {
    const { error, text, requestId } = await streamErrorFor("midstream_error?tokens=3");
    expect(text).toBe("word1 word2 word3");
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(requestId).toMatch(/^req_double_\d+$/);
    expect(classifyError(error)).toEqual({
      type: "overloaded_error",
      message: "Overloaded",
      requestId,
      retryAfterSeconds: null,
    });
  });

  it("recorded mid-stream error with padding → overloaded_error", async () => {
    const { error, text } = await streamErrorFor("fixture:error_overloaded_midstream_observed");
    expect(text.length).toBeGreaterThan(0);
    expect(classifyError(error).type).toBe("overloaded_error");
  });

  it("drop → connection_error", async () => {
    const { error, text } = await streamErrorFor("drop?tokens=2");
    expect(text).toBe("word1 word2");
    const info = classifyError(error, "req_seen");
    expect(info.type).toBe("connection_error");
    expect(info.requestId).toBe("req_seen");
    expect(info.retryAfterSeconds).toBeNull();
  });

  it("a refused connection → connection_error", async () => {
    const closed = await startDouble({ port: 0 });
    const url = closed.url;
    await closed.close();
    const offline = new Anthropic({ apiKey: "test", baseURL: url, maxRetries: 0 });
    const error = await rejection(offline.messages.create(body()));
    expect(error).toBeInstanceOf(Anthropic.APIConnectionError);
    expect(classifyError(error)).toMatchObject({ type: "connection_error", requestId: null });
  });
});

describe("classifyError without the network", () => {
  it("StalledError → stalled with the passed request id", () => {
    const error = new StalledError(60_000);
    expect(error.message).toBe("No data from the API for 60 s.");
    expect(classifyError(error, "req_abc")).toEqual({
      type: "stalled",
      message: "No data from the API for 60 s.",
      requestId: "req_abc",
      retryAfterSeconds: null,
    });
  });

  it("reads retry-after-ms before retry-after, rounding up", () => {
    const error = new Anthropic.RateLimitError(
      429,
      { type: "error", error: { type: "rate_limit_error", message: "slow down" } },
      undefined,
      new Headers({ "retry-after-ms": "1500", "retry-after": "30", "request-id": "req_h" }),
    );
    const before = Date.now();
    const info = classifyError(error);
    expect(info).toMatchObject({
      type: "rate_limited",
      message: "slow down",
      requestId: "req_h",
      retryAfterSeconds: 2,
      params: {},
    });
    // No rate-limit headers and a message naming none: the reset is when the wait ends.
    expect(Object.keys(info.params ?? {})).toEqual(["resetsAt"]);
    expect(Date.parse(String(info.params?.resetsAt)) - before).toBeGreaterThanOrEqual(2000);
  });

  it("reads an HTTP-date retry-after", () => {
    const at = new Date(Date.now() + 120_000).toUTCString();
    const error = new Anthropic.RateLimitError(429, undefined, undefined, new Headers({ "retry-after": at }));
    const seconds = classifyError(error).retryAfterSeconds;
    expect(seconds).toBeGreaterThanOrEqual(118);
    expect(seconds).toBeLessThanOrEqual(120);
  });

  it("falls back to the status when the body has no type", () => {
    const error = new Anthropic.APIError(504, undefined, "Gateway Timeout", new Headers());
    expect(classifyError(error)).toMatchObject({ type: "timeout_error", requestId: null });
    const unknownStatus = new Anthropic.APIError(418, undefined, "teapot", new Headers());
    expect(classifyError(unknownStatus).type).toBe("api_error");
  });

  it("does not read retry-after for other statuses", () => {
    const error = new Anthropic.APIError(529, undefined, undefined, new Headers({ "retry-after": "5" }));
    expect(classifyError(error)).toMatchObject({ type: "overloaded_error", retryAfterSeconds: null });
  });

  it.each([
    ["terminated", "connection_error"],
    ["read ECONNRESET", "connection_error"],
    ["fetch failed", "connection_error"],
    ["other socket hang up", "connection_error"],
    ["Something odd", "unknown"],
  ])("a plain Error(%j) → %s", (message, type) => {
    expect(classifyError(new TypeError(message), "req_x")).toEqual({
      type,
      message,
      requestId: "req_x",
      retryAfterSeconds: null,
    });
  });

  it("a thrown non-error → unknown", () => {
    expect(classifyError("boom")).toEqual({
      type: "unknown",
      message: "boom",
      requestId: null,
      retryAfterSeconds: null,
    });
  });
});

describe("namingTheTool", () => {
  const refused = (message: string) => ({
    type: "invalid_request_error",
    message,
    requestId: "req_1",
    retryAfterSeconds: null,
  });
  const tools = [
    { name: "search_conversations" },
    { type: "web_search_20250305", name: "web_search" },
    { type: "mcp_toolset", mcp_server_name: "wiki" },
  ];

  it("names the tool an API refusal points at", () => {
    expect(
      namingTheTool(refused("tools.1.max_uses: Input should be greater than or equal to 1"), tools).message,
    ).toBe('The tool "web_search" was refused: tools.1.max_uses: Input should be greater than or equal to 1');
    expect(namingTheTool(refused("tools.2: MCP server 'wiki' is not reachable"), tools).message).toContain(
      '"wiki"',
    );
  });

  it("leaves other errors as they are", () => {
    const other = refused("messages.1.content: bad");
    expect(namingTheTool(other, tools)).toBe(other);
    expect(namingTheTool(refused("tools.9.name: x"), tools).message).toBe("tools.9.name: x");
    const overloaded = { ...refused("tools.1 overloaded"), type: "overloaded_error" };
    expect(namingTheTool(overloaded, tools)).toBe(overloaded);
  });
});
