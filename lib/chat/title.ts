// Conversation titles: the first words of the first message at once, then (outside demo mode) a
// short title written by a small, cheap model after the first reply, never delaying that reply.
import type Anthropic from "@anthropic-ai/sdk";
import type { TokenUsage } from "@/lib/pricing/cost";

const FALLBACK_CHARS = 60;
const MAX_TITLE_CHARS = 80;
const EXCERPT_CHARS = 2000;

/** The first words of the first message ("Image" for a message that is only images). */
export function fallbackTitle(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  if (!oneLine) return "Image";
  return oneLine.length <= FALLBACK_CHARS ? oneLine : `${oneLine.slice(0, FALLBACK_CHARS - 1)}…`;
}

/** Cleans a model-written title: one line, no surrounding quotes or "Title:", at most 80 characters. */
export function cleanTitle(raw: string): string | null {
  const line = raw
    .split("\n")
    .map((part) => part.trim())
    .find((part) => part.length > 0);
  if (!line) return null;
  const title = line
    .replace(/^(title|タイトル)\s*[:：]\s*/i, "")
    .replace(/^["'「『“]+|["'」』”。.]+$/g, "")
    .trim();
  if (!title) return null;
  return title.length <= MAX_TITLE_CHARS ? title : `${title.slice(0, MAX_TITLE_CHARS - 1)}…`;
}

/** A title call's outcome: the title (null when the answer was unusable) and what the call used. */
export interface TitleSuggestion {
  title: string | null;
  /** The model that answered (it may name a dated version of the one asked for). */
  model: string;
  usage: TokenUsage;
  requestId: string | null;
}

export async function suggestTitle(
  client: Anthropic,
  model: string,
  userText: string,
  replyText: string,
): Promise<TitleSuggestion> {
  const { data: message, request_id } = await client.messages
    .create({
      model,
      max_tokens: 40,
      system:
        "You name chat conversations. Answer with a title of at most six words, in the language of the user's message, with no quotes and no trailing punctuation.",
      messages: [
        {
          role: "user",
          content: `<message>${userText.slice(0, EXCERPT_CHARS)}</message>\n<reply>${replyText.slice(0, EXCERPT_CHARS)}</reply>\nTitle:`,
        },
      ],
    })
    .withResponse();
  const text = message.content.flatMap((block) => (block.type === "text" ? [block.text] : [])).join("");
  return {
    title: cleanTitle(text),
    model: message.model || model,
    usage: {
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    },
    requestId: request_id ?? null,
  };
}
