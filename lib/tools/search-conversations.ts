// search_conversations: Claude searches the signed-in user's earlier conversations, with the same
// search as the sidebar (scoped to that user in the query). The conversation being answered is left
// out: it would only find the question itself.
import { z } from "zod";
import { MAX_SEARCH_TOOL_RESULTS, SEARCH_CONVERSATIONS, type SearchToolResult } from "./search-result";
import type { AppTool } from "./types";

export interface ConversationHit {
  conversationId: string;
  title: string;
  messageId: string | null;
  snippet: string;
  at: string;
}

/** The sidebar's search: the user's hits for `query`, newest first. */
export type SearchConversations = (userId: string, query: string) => Promise<ConversationHit[]>;

const MAX_QUERY_CHARS = 200;
const inputSchema = z.object({ query: z.string().trim().min(1).max(MAX_QUERY_CHARS) });

function link(hit: ConversationHit): string {
  const base = `/c/${encodeURIComponent(hit.conversationId)}`;
  if (!hit.messageId) return base;
  const message = encodeURIComponent(hit.messageId);
  return `${base}?m=${message}#m-${message}`;
}

export function searchConversationsTool(search: SearchConversations): AppTool {
  return {
    definition: {
      name: SEARCH_CONVERSATIONS,
      description:
        "Search the user's own earlier conversations in this app by a word or phrase (exact substring, " +
        "case-insensitive). Returns up to 10 matches, newest first, each with the conversation title, a " +
        "snippet around the match, its date and a link. Use it when the user refers to something they " +
        "discussed before.",
      input_schema: {
        type: "object",
        properties: {
          query: {
            type: "string",
            description: "A short word or phrase to look for (at least 3 characters).",
          },
        },
        required: ["query"],
      },
    },
    async run(input, context) {
      const parsed = inputSchema.safeParse(input);
      if (!parsed.success)
        return {
          text: `query must be a non-empty string of at most ${MAX_QUERY_CHARS} characters.`,
          isError: true,
        };
      const hits = (await search(context.userId, parsed.data.query)).filter(
        (hit) => hit.conversationId !== context.conversationId,
      );
      // A title hit adds nothing for a conversation whose messages matched too.
      const withMessageHits = new Set(hits.flatMap((hit) => (hit.messageId ? [hit.conversationId] : [])));
      const result: SearchToolResult = {
        query: parsed.data.query,
        results: hits
          .filter((hit) => hit.messageId || !withMessageHits.has(hit.conversationId))
          .slice(0, MAX_SEARCH_TOOL_RESULTS)
          .map((hit) => ({ title: hit.title, snippet: hit.snippet, url: link(hit), date: hit.at })),
      };
      return { text: JSON.stringify(result) };
    },
  };
}
