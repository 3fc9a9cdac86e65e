// A reply command for the reply runner's unit tests: user-1 asks `text` in conv-1 of Sonnet 4.6,
// with no system prompt, no caching and the given tools.
import type { Tool } from "@anthropic-ai/sdk/resources/messages";
import { replySpec } from "@/lib/chat/request";
import type { ReplyCommand } from "@/lib/chat/runner";

export function replyCommand(text: string, tools: Tool[] = []): ReplyCommand {
  return {
    userId: "user-1",
    conversationId: "conv-1",
    userMessageId: "msg-user",
    assistantMessageId: `msg-reply-${Math.random()}`,
    spec: replySpec({
      modelId: "claude-sonnet-4-6",
      model: undefined,
      history: [{ role: "user", content: [{ type: "text", text }] }],
      system: null,
      params: {},
      userId: "user-1",
      promptCaching: false,
      tools,
    }),
  };
}
