import Anthropic from "@anthropic-ai/sdk";
import type { Message } from "@anthropic-ai/sdk/resources/messages";
import { beforeAll, describe, expect, it } from "vitest";
import { summaryRequest } from "@/lib/chat/summary";
import { DEMO_MODEL, demoFetch, demoReply } from "@/lib/model/demo";

const client = new Anthropic({
  apiKey: "demo",
  baseURL: "http://demo.invalid",
  fetch: demoFetch,
  maxRetries: 0,
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("demoReply", () => {
  it("says it is the demo model, not Claude, and quotes the user", () => {
    const reply = demoReply("  What is   the\nweather?  ");
    expect(reply).toContain("**demo model**");
    expect(reply).toContain("not Claude");
    expect(reply).toContain("You wrote: “What is the weather?”");
  });

  it("quotes at most 200 characters of the user's text", () => {
    const reply = demoReply("x".repeat(500));
    expect(reply).toContain(`“${"x".repeat(200)}”`);
    expect(reply).not.toContain("x".repeat(201));
  });
});

describe("demoFetch through the SDK", () => {
  let message: Message;
  const texts: string[] = [];
  let requestId: string | null | undefined;

  beforeAll(async () => {
    const stream = client.messages.stream({
      model: "demo",
      max_tokens: 1024,
      system: "Be nice.",
      messages: [
        { role: "user", content: "First question" },
        { role: "assistant", content: "First answer" },
        { role: "user", content: [{ type: "text", text: "Tell me about café ☕ please" }] },
      ],
    });
    stream.on("text", (text) => texts.push(text));
    message = await stream.finalMessage();
    requestId = stream.request_id;
  });

  it("streams a reply that says it is the demo model and quotes the last user text", () => {
    expect(message.role).toBe("assistant");
    expect(message.model).toBe("demo");
    expect(message.content).toHaveLength(1);
    const block = message.content[0];
    expect(block?.type).toBe("text");
    const text = block?.type === "text" ? block.text : "";
    expect(text).toContain("demo model");
    expect(text).toContain("Tell me about café ☕ please");
    expect(text).not.toContain("First question");
    expect(text).toBe(demoReply("Tell me about café ☕ please"));
  });

  it("arrives in several word-sized deltas that add up to the reply", () => {
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.join("")).toBe(demoReply("Tell me about café ☕ please"));
  });

  it("reports usage and end_turn", () => {
    expect(message.stop_reason).toBe("end_turn");
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBe(Math.ceil(demoReply("Tell me about café ☕ please").length / 4));
    expect(message.usage.output_tokens).toBeGreaterThan(1);
  });

  it("carries a demo request id", () => {
    expect(message.id).toMatch(/^msg_demo_\d+$/);
    expect(requestId).toMatch(/^req_demo_\d+$/);
  });

  it("lists the demo model", async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({
      id: "demo",
      display_name: "Demo model (simulated, not Claude)",
      type: "model",
    });
    expect(models[0]?.display_name).toBe(DEMO_MODEL.display_name);
  });

  it("counts tokens", async () => {
    const counted = await client.messages.countTokens({
      model: "demo",
      messages: [{ role: "user", content: "Hello" }],
    });
    expect(counted.input_tokens).toBe(
      Math.ceil(JSON.stringify([{ role: "user", content: "Hello" }]).length / 4),
    );
  });

  it("answers a non-streaming request with a 404 not_found_error", async () => {
    const error = await rejection(
      client.messages.create({ model: "demo", max_tokens: 10, messages: [{ role: "user", content: "Hi" }] }),
    );
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect((error as InstanceType<typeof Anthropic.NotFoundError>).error).toEqual({
      type: "error",
      error: { type: "not_found_error", message: "The demo model only streams." },
    });
  });

  it("rejects when aborted mid-stream, after some text", async () => {
    const controller = new AbortController();
    const stream = client.messages.stream(
      { model: "demo", max_tokens: 1024, messages: [{ role: "user", content: "Stop me" }] },
      { signal: controller.signal },
    );
    const seen: string[] = [];
    stream.on("text", (text) => {
      seen.push(text);
      if (seen.length === 2) controller.abort();
    });
    const started = Date.now();
    const error = await rejection(stream.finalMessage());
    expect(error).toBeInstanceOf(Anthropic.APIUserAbortError);
    expect(seen).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1000); // did not wait for the whole reply
  });

  it("rejects with stream.abort() too", async () => {
    const stream = client.messages.stream({
      model: "demo",
      max_tokens: 1024,
      messages: [{ role: "user", content: "x" }],
    });
    stream.on("text", () => stream.abort());
    expect(await rejection(stream.finalMessage())).toBeInstanceOf(Anthropic.APIUserAbortError);
  });
});

describe("summaries in demo mode", () => {
  it("are written by the demo model, streamed and read whole, and say they are simulated", async () => {
    const request = summaryRequest(DEMO_MODEL.id, {
      transcript: "User: hello\n\nAssistant: hi",
      truncated: false,
    });
    const message = await client.messages.stream(request).finalMessage();
    const text = message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
    expect(text).toContain("**demo model**");
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });
});
