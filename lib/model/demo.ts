// A simulated Messages-API endpoint for demo mode: it answers /v1/messages (streaming), /v1/models
// and /v1/messages/count_tokens in the real wire format, so demo replies travel the same code path
// as Claude's. It never claims to be Claude.

export const DEMO_MODEL = {
  id: "demo",
  display_name: "Demo model (simulated, not Claude)",
  created_at: "2026-01-01T00:00:00Z",
  max_input_tokens: 200_000,
  max_tokens: 8_192,
  type: "model",
  capabilities: { image_input: { supported: true }, thinking: { supported: false, types: {} } },
};

const DELAY_MS = 25;

function sse(type: string, data: object): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function lastUserText(body: { messages?: { role: string; content: unknown }[] }): string {
  const last = body.messages?.findLast((message) => message.role === "user");
  if (!last) return "";
  if (typeof last.content === "string") return last.content;
  return (last.content as { type: string; text?: string }[])
    .filter((block) => block.type === "text")
    .map((block) => block.text ?? "")
    .join("\n");
}

export function demoReply(userText: string): string {
  const quoted = userText.trim().slice(0, 200).replace(/\s+/g, " ");
  return [
    "This is the **demo model**: a simulated reply, not Claude. Set `ANTHROPIC_API_KEY` to talk to Claude.",
    "",
    `You wrote: “${quoted}”`,
    "",
    "| Feature | Works in demo mode |",
    "| --- | --- |",
    "| Streaming, Stop, Retry | yes |",
    "| Saved conversations | yes |",
    "",
    "```ts",
    'const greeting = "hello";',
    "```",
  ].join("\n");
}

function chunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

function streamReply(
  body: Record<string, unknown>,
  signal: AbortSignal | null | undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const text = demoReply(lastUserText(body as never));
  const inputTokens = estimateTokens(JSON.stringify(body.messages ?? []) + String(body.system ?? ""));
  const usage = { input_tokens: inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const parts = chunks(text);
  const events = [
    sse("message_start", {
      message: {
        id: `msg_demo_${Date.now()}`,
        type: "message",
        role: "assistant",
        content: [],
        model: String(body.model ?? DEMO_MODEL.id),
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    }),
    sse("content_block_start", { index: 0, content_block: { type: "text", text: "" } }),
    ...parts.map((part) =>
      sse("content_block_delta", { index: 0, delta: { type: "text_delta", text: part } }),
    ),
    sse("content_block_stop", { index: 0 }),
    sse("message_delta", {
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { ...usage, output_tokens: estimateTokens(text) },
    }),
    sse("message_stop", {}),
  ];
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream({
    start(controller) {
      let next = 0;
      const abort = () => {
        clearTimeout(timer);
        controller.error(signal?.reason ?? new DOMException("aborted", "AbortError"));
      };
      signal?.addEventListener("abort", abort, { once: true });
      const push = () => {
        const event = events[next++];
        if (event === undefined) {
          signal?.removeEventListener("abort", abort);
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(event));
        timer = setTimeout(push, DELAY_MS);
      };
      push();
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}

export const demoFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const headers = { "request-id": `req_demo_${Date.now()}` };
  if (url.pathname.endsWith("/v1/models")) {
    return Response.json(
      { data: [DEMO_MODEL], first_id: DEMO_MODEL.id, last_id: DEMO_MODEL.id, has_more: false },
      { headers },
    );
  }
  const body = JSON.parse(String(init?.body ?? "{}")) as Record<string, unknown>;
  if (url.pathname.endsWith("/v1/messages/count_tokens")) {
    return Response.json({ input_tokens: estimateTokens(JSON.stringify(body.messages ?? [])) }, { headers });
  }
  if (url.pathname.endsWith("/v1/messages") && body.stream === true) {
    return new Response(streamReply(body, init?.signal), {
      headers: { ...headers, "content-type": "text/event-stream" },
    });
  }
  return Response.json(
    { type: "error", error: { type: "not_found_error", message: "The demo model only streams." } },
    { status: 404, headers },
  );
};
