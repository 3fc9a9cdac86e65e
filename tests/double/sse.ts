export interface SseEvent {
  event: string;
  data: unknown;
}

export function formatEvent(e: SseEvent): string {
  return `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/** Parses a complete SSE transcript; comment lines and events without data are skipped. */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\n\n/)) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length > 0) events.push({ event, data: JSON.parse(data.join("\n")) });
  }
  return events;
}

/** Byte offsets just after each blank line that terminates an event. */
export function eventBoundaries(raw: Buffer): number[] {
  const offsets: number[] = [];
  for (let i = raw.indexOf("\n\n"); i !== -1; i = raw.indexOf("\n\n", i + 2)) offsets.push(i + 2);
  return offsets;
}

export function splitAt(raw: Buffer, offsets: number[]): Buffer[] {
  const cuts = [...new Set(offsets)].filter((o) => o > 0 && o < raw.length).sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let start = 0;
  for (const cut of cuts) {
    parts.push(raw.subarray(start, cut));
    start = cut;
  }
  parts.push(raw.subarray(start));
  return parts;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
