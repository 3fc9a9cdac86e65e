// Batch price benchmark (npm run bench:batches): 500 items ("Translate to Japanese: …") sent to the test
// double once as one Message Batch, stored the way the poller stores them (lib/batches/results.ts,
// batch prices), and once one by one as ordinary Messages calls priced like replies. Reports both
// totals; the batch should cost half.
import Anthropic from "@anthropic-ai/sdk";
import { batchRequest } from "../lib/batches/requests";
import { itemResult } from "../lib/batches/results";
import { effectiveTemplate, renderTemplate } from "../lib/batches/template";
import { costUsd, formatUsd } from "../lib/pricing/cost";
import { startDouble } from "../tests/double/server";

const ITEMS = 500;
const MODEL = "claude-sonnet-4-6";
const settings = {
  model: MODEL,
  maxTokens: 1024,
  systemPrompt: "You translate English into natural Japanese.",
};
const template = effectiveTemplate("Translate to Japanese: {{text}}");
const rows = Array.from({ length: ITEMS }, (_, i) => ({
  text: `Sentence ${i + 1}: the meeting moved to Thursday afternoon.`,
}));
const requests = rows.map((row, i) => batchRequest(settings, i, renderTemplate(template, row, "text")));

const double = await startDouble();
const client = new Anthropic({ apiKey: "bench", baseURL: double.url, maxRetries: 0 });
try {
  const batch = await client.messages.batches.create({ requests });
  while ((await client.messages.batches.retrieve(batch.id)).processing_status !== "ended");
  let batchCost = 0;
  let batchTokens = 0;
  for await (const line of await client.messages.batches.results(batch.id)) {
    const result = itemResult(MODEL, line);
    batchCost += result?.costUsd ?? 0;
    batchTokens += (result?.inputTokens ?? 0) + (result?.outputTokens ?? 0);
  }

  let singleCost = 0;
  let singleTokens = 0;
  for (const request of requests) {
    const message = await client.messages.create(request.params);
    const usage = {
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    };
    singleCost += costUsd(MODEL, usage) ?? 0;
    singleTokens += usage.inputTokens + usage.outputTokens;
  }
  console.log(`${ITEMS} items, ${MODEL}`);
  console.log(`  one batch:   ${formatUsd(batchCost)} (${batchTokens} tokens)`);
  console.log(`  one by one:  ${formatUsd(singleCost)} (${singleTokens} tokens)`);
  console.log(`  batch / one by one: ${((100 * batchCost) / singleCost).toFixed(1)} %`);
} finally {
  await double.close();
}
