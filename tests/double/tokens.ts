import { createHash } from "node:crypto";

/** Tokens charged per image or binary document; the real cost depends on pixel size. */
export const IMAGE_TOKENS = 1600;

type Obj = Record<string, unknown>;

interface CacheControl {
  type: string;
  ttl?: string;
}

/** One piece of the prompt in API order (tools, system, messages), as prompt caching sees it. */
interface Segment {
  key: string;
  chars: number;
  images: number;
  cacheControl?: CacheControl;
}

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function withoutCacheControl(v: Obj): Obj {
  const { cache_control: _ignored, ...rest } = v;
  return rest;
}

function measure(block: unknown): { chars: number; images: number } {
  if (typeof block === "string") return { chars: block.length, images: 0 };
  if (!isObj(block)) return { chars: 0, images: 0 };
  const str = (v: unknown) => (typeof v === "string" ? v.length : 0);
  switch (block.type) {
    case "text":
      return { chars: str(block.text), images: 0 };
    case "image":
      return { chars: 0, images: 1 };
    case "document": {
      const source = isObj(block.source) ? block.source : {};
      return source.type === "text" ? { chars: str(source.data), images: 0 } : { chars: 0, images: 1 };
    }
    case "thinking":
      return { chars: str(block.thinking), images: 0 };
    case "redacted_thinking":
      return { chars: str(block.data), images: 0 };
    case "tool_use":
    case "server_tool_use":
      return { chars: str(block.name) + JSON.stringify(block.input ?? {}).length, images: 0 };
    case "tool_result": {
      const parts = Array.isArray(block.content) ? block.content : [block.content ?? ""];
      return parts
        .map(measure)
        .reduce((a, b) => ({ chars: a.chars + b.chars, images: a.images + b.images }), {
          chars: 0,
          images: 0,
        });
    }
    default:
      return { chars: JSON.stringify(block).length, images: 0 };
  }
}

function segment(role: string, item: unknown, measured: unknown = item): Segment {
  const cc =
    isObj(item) && isObj(item.cache_control) ? (item.cache_control as unknown as CacheControl) : undefined;
  const key = JSON.stringify([role, isObj(item) ? withoutCacheControl(item) : item]);
  return { key, ...measure(measured), cacheControl: cc };
}

export function segments(body: unknown): Segment[] {
  if (!isObj(body)) return [];
  const out: Segment[] = [];
  if (Array.isArray(body.tools)) {
    for (const tool of body.tools) {
      out.push(segment("tool", tool, isObj(tool) ? JSON.stringify(withoutCacheControl(tool)) : ""));
    }
  }
  const system = body.system;
  if (typeof system === "string") out.push(segment("system", system));
  else if (Array.isArray(system)) for (const block of system) out.push(segment("system", block));
  if (Array.isArray(body.messages)) {
    for (const message of body.messages) {
      if (!isObj(message)) continue;
      const role = String(message.role);
      const content = message.content;
      if (Array.isArray(content)) for (const block of content) out.push(segment(role, block));
      else out.push(segment(role, content ?? ""));
    }
  }
  return out;
}

function tokensOf(segs: Segment[]): number {
  const chars = segs.reduce((n, s) => n + s.chars, 0);
  const images = segs.reduce((n, s) => n + s.images, 0);
  return Math.ceil(chars / 4) + images * IMAGE_TOKENS;
}

/** Deterministic stand-in for the tokenizer: ceil(chars / 4) plus a flat cost per image. */
export function estimateInputTokens(body: unknown): number {
  return tokensOf(segments(body));
}

export interface CacheUsage {
  input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

/**
 * Models prompt caching across requests: the prefix up to each `cache_control` breakpoint is hashed;
 * the longest prefix seen before (same model) is a cache read, later breakpoints are cache writes and
 * whatever follows the last breakpoint is plain input. Unlike the real API there is no minimum
 * cacheable length, so short test prompts cache too.
 */
export class PromptCache {
  private readonly seen = new Set<string>();

  clear(): void {
    this.seen.clear();
  }

  usage(model: string, body: unknown): CacheUsage {
    const segs = segments(body);
    const hash = createHash("sha256").update(model);
    const breakpoints: { key: string; tokens: number; ttl: string }[] = [];
    segs.forEach((s, i) => {
      hash.update("\0").update(s.key);
      if (s.cacheControl) {
        const key = hash.copy().digest("hex");
        breakpoints.push({ key, tokens: tokensOf(segs.slice(0, i + 1)), ttl: s.cacheControl.ttl ?? "5m" });
      }
    });

    let readUpTo = -1;
    breakpoints.forEach((bp, i) => {
      if (this.seen.has(bp.key)) readUpTo = i;
    });
    const read = readUpTo >= 0 ? (breakpoints[readUpTo]?.tokens ?? 0) : 0;
    const written = { "5m": 0, "1h": 0 };
    let covered = read;
    for (const bp of breakpoints.slice(readUpTo + 1)) {
      written[bp.ttl === "1h" ? "1h" : "5m"] += bp.tokens - covered;
      covered = bp.tokens;
    }
    for (const bp of breakpoints) this.seen.add(bp.key);

    return {
      input_tokens: tokensOf(segs) - covered,
      cache_read_input_tokens: read,
      cache_creation_input_tokens: written["5m"] + written["1h"],
      cache_creation: { ephemeral_5m_input_tokens: written["5m"], ephemeral_1h_input_tokens: written["1h"] },
    };
  }
}

export function countBreakpoints(body: unknown): number {
  return segments(body).filter((s) => s.cacheControl).length;
}
