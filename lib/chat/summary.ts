// A conversation's summary for a new chat: the active branch as a plain transcript (text only,
// newest turns kept when it is long), and the request that asks a small model to summarise it.
import type { MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages";
import { type ContentBlock, textOf } from "./content";

/** Transcript characters sent at most (~50,000 tokens): the summary request must itself fit. */
export const SUMMARY_INPUT_CHARS = 200_000;
export const SUMMARY_MAX_TOKENS = 1024;

export interface TranscriptMessage {
  role: string;
  content: readonly ContentBlock[];
}

export interface SummaryInput {
  transcript: string;
  /** Older turns were left out to stay within the budget. */
  truncated: boolean;
}

/**
 * The text of the user's and Claude's messages, oldest first, as `User:` / `Assistant:` turns.
 * Thinking, tool calls and results, images and documents are left out. When the whole does not fit
 * `budget` characters, the newest turns are kept (the last one cut from its start if it alone is too long).
 */
export function summaryInput(
  messages: readonly TranscriptMessage[],
  budget = SUMMARY_INPUT_CHARS,
): SummaryInput {
  const turns = messages.flatMap((message) => {
    if (message.role !== "user" && message.role !== "assistant") return [];
    const text = textOf(message.content).trim();
    return text ? [`${message.role === "user" ? "User" : "Assistant"}: ${text}`] : [];
  });
  const kept: string[] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i]!;
    const cost = turn.length + (kept.length > 0 ? 2 : 0);
    if (used + cost > budget) {
      if (kept.length === 0) kept.push(`…${turn.slice(turn.length - (budget - 1))}`);
      return { transcript: kept.reverse().join("\n\n"), truncated: true };
    }
    kept.push(turn);
    used += cost;
  }
  return { transcript: kept.reverse().join("\n\n"), truncated: false };
}

const INSTRUCTIONS =
  "You summarise a conversation between a user and an AI assistant so that the user can continue it in a new chat. " +
  "Write a concise summary in the language of the conversation. Keep the facts, figures and names that matter, " +
  "the decisions made, the open questions, and the user's goals and preferences. Write plain prose or short bullet " +
  "points, no preamble, and do not address the reader.";

export function summaryRequest(model: string, input: SummaryInput): MessageCreateParamsNonStreaming {
  const note = input.truncated ? "\n(The start of the conversation was left out for length.)" : "";
  return {
    model,
    max_tokens: SUMMARY_MAX_TOKENS,
    system: INSTRUCTIONS,
    messages: [
      {
        role: "user",
        content: `<conversation>\n${input.transcript}\n</conversation>${note}\n\nSummarise this conversation.`,
      },
    ],
  };
}
