// One chat turn as a plain HTTP client sees it (POST /api/chat, read the SSE reply), and the same
// paced stream read straight from the test double: the floor the app's numbers are compared with.
import { ChatEventDecoder } from "../../lib/chat/protocol";

export const MODEL = "claude-sonnet-4-6";

export interface TurnResult {
  conversationId: string | null;
  userMessageId: string | null;
  assistantMessageId: string | null;
  status: string;
  text: string;
  /** Milliseconds from sending to the first text delta. */
  firstTokenMs: number;
  /** Milliseconds between consecutive text deltas as they arrived. */
  gapsMs: number[];
  httpStatus: number;
}

function unanswered(): TurnResult {
  return {
    conversationId: null,
    userMessageId: null,
    assistantMessageId: null,
    status: "unanswered",
    text: "",
    firstTokenMs: Number.NaN,
    gapsMs: [],
    httpStatus: 0,
  };
}

export function turnPrompt(label: string, tokens: number, paceMs: number): string {
  return `${label} [[double:text?tokens=${tokens}&delay=${paceMs}]]`;
}

export interface TurnOptions {
  baseUrl: string;
  cookie: string;
  body: Record<string, unknown>;
  signal?: AbortSignal;
  /** Called with the text so far after each delta (the fault test keeps it). */
  onText?: (text: string) => void;
}

export async function chatTurn({ baseUrl, cookie, body, signal, onText }: TurnOptions): Promise<TurnResult> {
  const start = performance.now();
  const result = unanswered();
  try {
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: baseUrl },
      body: JSON.stringify({ model: MODEL, ...body }),
      signal,
    });
    result.httpStatus = response.status;
    if (!response.ok || !response.body) {
      result.status = `http_${response.status}`;
      return result;
    }
    const decoder = new ChatEventDecoder();
    let lastDelta = Number.NaN;
    for await (const chunk of response.body) {
      const now = performance.now();
      for (const { event } of decoder.push(chunk)) {
        if (event.type === "start") {
          result.conversationId = event.conversationId;
          result.userMessageId = event.userMessageId;
          result.assistantMessageId = event.assistantMessageId;
        } else if (event.type === "delta") {
          if (Number.isNaN(result.firstTokenMs)) result.firstTokenMs = now - start;
          else result.gapsMs.push(now - lastDelta);
          lastDelta = now;
          result.text += event.text;
          onText?.(result.text);
        } else if (event.type === "end") {
          result.status = event.status;
        }
      }
    }
  } catch (error) {
    if (result.status === "unanswered") result.status = `failed: ${(error as Error).message}`;
  }
  return result;
}

/** Asks the double itself (no app between) for a streamed reply to `prompt`. */
export function streamFromDouble(doubleUrl: string, prompt: string): Promise<Response> {
  return fetch(`${doubleUrl}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "bench", "anthropic-version": "2023-06-01" },
    body: JSON.stringify({
      model: MODEL,
      max_tokens: 4096,
      stream: true,
      messages: [{ role: "user", content: prompt }],
    }),
  });
}

/** The same paced reply read from the double directly: first-token time and gaps with no app between. */
export async function directTurn(doubleUrl: string, prompt: string): Promise<TurnResult> {
  const start = performance.now();
  const result = unanswered();
  const response = await streamFromDouble(doubleUrl, prompt);
  result.httpStatus = response.status;
  if (!response.body) return result;
  const text = new TextDecoder();
  let lastDelta = Number.NaN;
  for await (const chunk of response.body) {
    const now = performance.now();
    const deltas = text.decode(chunk, { stream: true }).split("event: content_block_delta").length - 1;
    for (let i = 0; i < deltas; i++) {
      if (Number.isNaN(result.firstTokenMs)) result.firstTokenMs = now - start;
      else result.gapsMs.push(now - lastDelta);
      lastDelta = now;
    }
  }
  result.status = "done";
  return result;
}
