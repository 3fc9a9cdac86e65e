import { canonicalModelId } from "@/lib/model/provider-models";
import prices from "./prices.json";
import providerPrices from "./provider-prices.json";

/** USD per million tokens. */
export interface Price {
  input: number;
  output: number;
}

export interface TokenUsage {
  /** Uncached input only (after the last cache breakpoint). */
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  /** All cache writes, both TTLs. */
  cacheWriteTokens: number;
  /** The part of `cacheWriteTokens` written with a 1-hour TTL. */
  cacheWrite1hTokens?: number;
  /** The part of `outputTokens` spent thinking, where the API reports it. */
  thinkingTokens?: number;
  /** Server tool uses billed per use (usage.server_tool_use). */
  webSearchRequests?: number;
  webFetchRequests?: number;
}

/** Usage of several API calls (the steps of one reply): every count added up. */
export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  const sum: TokenUsage = {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheWrite1hTokens: (a.cacheWrite1hTokens ?? 0) + (b.cacheWrite1hTokens ?? 0),
  };
  for (const key of ["thinkingTokens", "webSearchRequests", "webFetchRequests"] as const)
    if (a[key] !== undefined || b[key] !== undefined) sum[key] = (a[key] ?? 0) + (b[key] ?? 0);
  return sum;
}

const table: {
  models: Record<string, Price>;
  aliases: Record<string, string>;
  serverTools: { web_search: { perUse: number } };
} = prices;

/** What the server tools of `usage` cost on top of its tokens (web search: per search). */
export function serverToolCostUsd(usage: TokenUsage): number {
  return (usage.webSearchRequests ?? 0) * table.serverTools.web_search.perUse;
}

const CACHE_WRITE_5M = 1.25;
const CACHE_WRITE_1H = 2;
const CACHE_READ = 0.1;

const platformPrices: { models: Record<string, Price> } = providerPrices;

export function priceOf(model: string): Price | null {
  // hasOwn: a model id such as "constructor" must not reach Object.prototype.
  if (Object.hasOwn(platformPrices.models, model)) return platformPrices.models[model]!;
  // A cloud platform's id costs what the same model costs on Anthropic's API, unless listed above.
  const canonical = canonicalModelId(model);
  const id = Object.hasOwn(table.aliases, canonical) ? table.aliases[canonical]! : canonical;
  return Object.hasOwn(table.models, id) ? table.models[id]! : null;
}

function cacheWrites(usage: TokenUsage): { write5m: number; write1h: number } {
  const write1h = usage.cacheWrite1hTokens ?? 0;
  return { write5m: Math.max(0, usage.cacheWriteTokens - write1h), write1h };
}

/** Null when the model's price is unknown: a cost is never guessed. */
export function costUsd(model: string, usage: TokenUsage): number | null {
  const price = priceOf(model);
  if (!price) return null;
  const { write5m, write1h } = cacheWrites(usage);
  const inputUnits =
    usage.inputTokens +
    write5m * CACHE_WRITE_5M +
    write1h * CACHE_WRITE_1H +
    usage.cacheReadTokens * CACHE_READ;
  return (inputUnits * price.input + usage.outputTokens * price.output) / 1e6 + serverToolCostUsd(usage);
}

/** What the same tokens would cost without caching minus what they cost; negative when writes outweigh reads. */
export function cachingSavingsUsd(model: string, usage: TokenUsage): number | null {
  const price = priceOf(model);
  if (!price) return null;
  const { write5m, write1h } = cacheWrites(usage);
  const savedUnits =
    usage.cacheReadTokens * (1 - CACHE_READ) -
    write5m * (CACHE_WRITE_5M - 1) -
    write1h * (CACHE_WRITE_1H - 1);
  return (savedUnits * price.input) / 1e6;
}

/** Plain decimal, never exponent notation ("0.000042", not "4.2e-5"): the data-*-usd attributes and CSV. */
export function decimalUsd(amount: number): string {
  return amount.toFixed(10).replace(/\.?0+$/, "") || "0";
}

const SIGNIFICANT_DIGITS = 4;
const MAX_DECIMALS = 10;

/** "$1.50" from one dollar up; below that 4 significant digits ("$0.0123", "$0.000042"). */
export function formatUsd(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  if (abs >= 1) {
    return `${sign}$${abs.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  if (abs === 0) return "$0.00";
  const decimals = Math.min(MAX_DECIMALS, SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(abs)));
  const [whole, fraction = ""] = abs.toFixed(decimals).split(".");
  const trimmed = fraction.replace(/0+$/, "").padEnd(2, "0");
  return trimmed === "00" && whole === "0" ? "$0.00" : `${sign}$${whole}.${trimmed}`;
}

export interface CostSummary {
  costUsd: number;
  /** What prompt caching saved against sending the same input uncached. */
  savedUsd: number;
}

/** The total of priced replies and their caching savings; null when none has a known price. */
export function summarizeCosts(
  replies: readonly { model: string | null; costUsd: number | null; usage: TokenUsage }[],
): CostSummary | null {
  let summary: CostSummary | null = null;
  for (const reply of replies) {
    if (reply.costUsd === null) continue;
    summary ??= { costUsd: 0, savedUsd: 0 };
    summary.costUsd += reply.costUsd;
    summary.savedUsd += (reply.model && cachingSavingsUsd(reply.model, reply.usage)) || 0;
  }
  return summary;
}
