// Server-Sent Events decoding, shared by the server (the Messages API's stream) and the browser (the
// app's own reply stream). Feed it network chunks as they arrive; it returns each complete event
// once. UTF-8 safe across chunks (a character may be split between two), and accepts the three
// line endings the SSE specification allows.

export interface SseMessage {
  /** The `event:` field; null when absent. */
  event: string | null;
  /** The `data:` lines joined with "\n" (empty when there were none). */
  data: string;
  /** The `id:` field; null when absent. */
  id: string | null;
}

export class SseDecoder {
  private readonly text = new TextDecoder();
  private buffer = "";
  /** The last chunk ended in "\r": a "\n" starting the next one completes that same line ending. */
  private endedWithCarriageReturn = false;

  push(chunk: Uint8Array): SseMessage[] {
    let text = this.text.decode(chunk, { stream: true });
    if (this.endedWithCarriageReturn && text.startsWith("\n")) text = text.slice(1);
    if (text.length > 0) this.endedWithCarriageReturn = text.endsWith("\r");
    this.buffer += text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
    let boundary = this.buffer.indexOf("\n\n");
    if (boundary === -1) return [];
    const messages: SseMessage[] = [];
    let start = 0;
    while (boundary !== -1) {
      const message = parseBlock(this.buffer.slice(start, boundary));
      if (message) messages.push(message);
      start = boundary + 2;
      boundary = this.buffer.indexOf("\n\n", start);
    }
    this.buffer = this.buffer.slice(start);
    return messages;
  }
}

/** One event's lines; null for a block of comments only (keepalives). */
function parseBlock(block: string): SseMessage | null {
  let event: string | null = null;
  let id: string | null = null;
  let data: string | null = null;
  for (const line of block.split("\n")) {
    const colon = line.indexOf(":");
    if (colon === 0) continue; // a comment
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data = data === null ? value : `${data}\n${value}`;
    else if (field === "event") event = value;
    else if (field === "id") id = value;
  }
  if (event === null && data === null && id === null) return null;
  return { event, data: data ?? "", id };
}
