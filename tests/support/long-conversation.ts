// A conversation export with many turns, for browser tests and the long-conversation benchmark.
import { CONVERSATION_FORMAT, FORMAT_VERSION } from "../../lib/export/schema";

/** Question/answer pairs numbered from 1; `answer(turn)` gives each reply's text. */
export function longConversationFile(
  turns: number,
  answer: (turn: number) => string = (turn) => `Answer number ${turn}`,
) {
  const at = Date.now() - turns * 2000;
  const messages = Array.from({ length: turns * 2 }, (_, index) => {
    const turn = Math.floor(index / 2) + 1;
    const isUser = index % 2 === 0;
    return {
      id: `m${index}`,
      parentId: index === 0 ? null : `m${index - 1}`,
      role: isUser ? "user" : "assistant",
      content: [{ type: "text", text: isUser ? `Question number ${turn}` : answer(turn) }],
      status: "done",
      model: isUser ? null : "claude-sonnet-4-6",
      stopReason: isUser ? null : "end_turn",
      errorType: null,
      errorMessage: null,
      inputTokens: 0,
      outputTokens: isUser ? 0 : 4,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      costUsd: null,
      createdAt: new Date(at + index * 1000).toISOString(),
    };
  });
  const now = new Date().toISOString();
  return {
    format: CONVERSATION_FORMAT,
    version: FORMAT_VERSION,
    exportedAt: now,
    conversation: {
      title: "A long conversation",
      model: "claude-sonnet-4-6",
      systemPrompt: null,
      createdAt: now,
      updatedAt: now,
      messages,
    },
    attachments: [],
  };
}
