// Prompt-caching benchmark (npm run bench:caching): a 20-turn conversation with a ~4k-token system
// prompt, sent through the app's request builder to the test double's caching model (a prefix seen
// before at a breakpoint is billed as a cache read). Compares the billed input cost with caching on
// and off. Target: with caching ≤ 35% of the uncached input cost.
import Anthropic from "@anthropic-ai/sdk";
import type { ContentBlock } from "../lib/chat/content";
import { buildReplyRequest } from "../lib/chat/request";
import { costUsd, formatUsd, type TokenUsage } from "../lib/pricing/cost";
import { startDouble } from "../tests/double/server";

const TURNS = 20;
const MODEL = "claude-sonnet-4-6";
const PRESET = `You are a meticulous senior reviewer. ${"Check every claim, every number and every edge case; explain each finding with its evidence and a concrete fix. ".repeat(145)}`;

function inputCost(usage: TokenUsage): number {
  return costUsd(MODEL, { ...usage, outputTokens: 0 }) ?? Number.NaN;
}

async function conversation(client: Anthropic, promptCaching: boolean) {
  const history: { role: string; content: ContentBlock[] }[] = [];
  let cost = 0;
  const perTurn: number[] = [];
  for (let turn = 1; turn <= TURNS; turn++) {
    history.push({
      role: "user",
      content: [{ type: "text", text: `Question ${turn}: ${"please review this part. ".repeat(20)}` }],
    });
    const request = buildReplyRequest({
      modelId: MODEL,
      model: undefined,
      history,
      system: PRESET,
      params: { maxTokens: 1024 },
      userId: "bench",
      promptCaching,
    });
    const message = await client.messages
      .stream(request, { headers: { "x-double-scenario": "cache?tokens=150" } })
      .finalMessage();
    const usage: TokenUsage = {
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    };
    const turnCost = inputCost(usage);
    perTurn.push(turnCost);
    cost += turnCost;
    history.push({ role: "assistant", content: message.content as ContentBlock[] });
  }
  return { cost, perTurn };
}

const double = await startDouble();
try {
  const client = new Anthropic({ apiKey: "bench", baseURL: double.url, maxRetries: 0 });
  const off = await conversation(client, false);
  double.reset();
  const on = await conversation(client, true);
  console.log(
    `\nPrompt caching: ${TURNS} turns, ~${Math.round(PRESET.length / 4)}-token system prompt, ${MODEL}\n`,
  );
  console.log(`billed input cost, caching off: ${formatUsd(off.cost)}`);
  console.log(`billed input cost, caching on:  ${formatUsd(on.cost)}`);
  console.log(`ratio on / off: ${((on.cost / off.cost) * 100).toFixed(1)}%   (target ≤ 35%)`);
  console.log(
    `turn 1 with caching (cache write): ${formatUsd(on.perTurn[0] ?? 0)} vs ${formatUsd(off.perTurn[0] ?? 0)} uncached`,
  );
} finally {
  await double.close();
}
