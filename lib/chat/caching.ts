// Automatic prompt caching: places `cache_control` breakpoints so a long system prompt and the
// conversation so far are read from cache on the next turn instead of billed in full.
//   - the system prompt, when it alone reaches the model's minimum cacheable length;
//   - the last user turn (this request writes the whole conversation to cache);
//   - the previous user turn (where this request reads what the previous one wrote).
// At most 3 of the API's 4 breakpoints; a breakpoint whose prefix is shorter than the model's
// minimum is skipped (the API would silently ignore it anyway).
import type { MessageCreateParamsBase, MessageParam } from "@anthropic-ai/sdk/resources/messages";
import minimums from "./cache-minimums.json";

const EPHEMERAL = { type: "ephemeral" } as const;

/** The smallest prefix (in tokens) the model will cache. Unknown models: the largest known minimum. */
export function minimumCacheableTokens(model: string): number {
  const table: Record<string, number> = minimums.models;
  const match = Object.keys(table)
    .filter((prefix) => model.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  return match ? table[match]! : minimums.unknown;
}

/** A cheap, conservative token estimate: ~4 characters per token, 1 per CJK character. */
export function estimateTokens(text: string): number {
  const cjk = text.match(/[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/g)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 4);
}

type Block = { type: string; [key: string]: unknown };

function blockTokens(block: Block): number {
  if (block.type === "text") return estimateTokens(String(block.text ?? ""));
  if (block.type === "image") return 1600;
  return estimateTokens(JSON.stringify(block));
}

function contentBlocks(message: MessageParam): Block[] {
  return typeof message.content === "string"
    ? [{ type: "text", text: message.content }]
    : (message.content as unknown as Block[]);
}

function withBreakpoint(message: MessageParam): MessageParam {
  const blocks = contentBlocks(message).map((block) => ({ ...block }));
  const last = blocks.at(-1);
  if (last) last.cache_control = EPHEMERAL;
  return { ...message, content: blocks } as unknown as MessageParam;
}

export function applyPromptCaching(request: MessageCreateParamsBase): MessageCreateParamsBase {
  const minimum = minimumCacheableTokens(request.model);
  const systemText = typeof request.system === "string" ? request.system : "";
  const systemTokens = systemText ? estimateTokens(systemText) : 0;
  const system =
    systemText && systemTokens >= minimum
      ? [{ type: "text" as const, text: systemText, cache_control: EPHEMERAL }]
      : request.system;

  // Token count of the prompt prefix that ends with each message.
  let running = systemTokens;
  const prefixTokens = request.messages.map((message) => {
    running += contentBlocks(message).reduce((sum, block) => sum + blockTokens(block), 0);
    return running;
  });
  const userTurns = request.messages.flatMap((message, index) => (message.role === "user" ? [index] : []));
  const marked = new Set(userTurns.slice(-2).filter((index) => (prefixTokens[index] ?? 0) >= minimum));
  const messages = request.messages.map((message, index) =>
    marked.has(index) ? withBreakpoint(message) : message,
  );

  return { ...request, ...(system !== undefined ? { system } : {}), messages };
}
