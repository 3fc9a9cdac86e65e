// Reads a streamed Messages-API response straight off its body: one pass of SSE decoding and one
// JSON.parse per event, with no layers of async generators between the socket and the reply runner
// (each layer costs promises for every event, and a busy server relays thousands a second).
// Mirrors the SDK's stream: `ping` and unnamed events are skipped, an `error` event is thrown as the
// SDK's APIError, and an abort ends the stream quietly.
import { APIError } from "@anthropic-ai/sdk";
import type { RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages";
import { SseDecoder } from "@/lib/sse/decoder";

function parseErrorBody(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

const isAbort = (error: unknown) => error instanceof Error && error.name === "AbortError";

export async function* upstreamEvents(response: Response): AsyncGenerator<RawMessageStreamEvent> {
  if (!response.body) return;
  const decoder = new SseDecoder();
  try {
    for await (const chunk of response.body) {
      for (const message of decoder.push(chunk)) {
        if (message.event === null || message.event === "ping") continue;
        if (message.event === "error") {
          const body = parseErrorBody(message.data) as { error?: { type?: string } } | string;
          const type = typeof body === "object" ? body?.error?.type : undefined;
          throw new APIError(undefined, body, undefined, response.headers, type as never);
        }
        if (message.data) yield JSON.parse(message.data) as RawMessageStreamEvent;
      }
    }
  } catch (error) {
    if (isAbort(error)) return;
    throw error;
  }
}
