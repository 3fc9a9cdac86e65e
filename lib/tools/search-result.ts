// The result of the built-in search_conversations tool, as Claude gets it (JSON text in the
// tool_result) and as the chat shows it. Shared by server and browser.
import { z } from "@/lib/zod";

export const SEARCH_CONVERSATIONS = "search_conversations";
/** At most this many hits go back to Claude. */
export const MAX_SEARCH_TOOL_RESULTS = 10;

const hitSchema = z.object({
  title: z.string(),
  snippet: z.string(),
  /** A link into the app: /c/<conversation>?m=<message>#m-<message>, or /c/<conversation> for a title. */
  url: z.string().startsWith("/c/"),
  date: z.string(),
});

export const searchResultSchema = z.object({ query: z.string(), results: z.array(hitSchema) });
export type SearchToolResult = z.infer<typeof searchResultSchema>;

/** The result in a tool_result's text; null when it is not one (an error text, another tool). */
export function parseSearchResult(text: string): SearchToolResult | null {
  try {
    const parsed = searchResultSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
