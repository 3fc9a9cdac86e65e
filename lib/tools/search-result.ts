// The result of the built-in search_conversations tool, as Claude gets it (JSON text in the
// tool_result) and as the chat shows it. Shared by server and browser.

export const SEARCH_CONVERSATIONS = "search_conversations";
/** At most this many hits go back to Claude. */
export const MAX_SEARCH_TOOL_RESULTS = 10;

export interface SearchHit {
  title: string;
  snippet: string;
  /** A link into the app: /c/<conversation>?m=<message>#m-<message>, or /c/<conversation> for a title. */
  url: string;
  date: string;
}

export interface SearchToolResult {
  query: string;
  results: SearchHit[];
}

// Checked by hand rather than with zod: the chat page shows these cards and would otherwise load zod.
const isText = (value: unknown): value is string => typeof value === "string";

function isHit(value: unknown): value is SearchHit {
  if (typeof value !== "object" || value === null) return false;
  const hit = value as Record<string, unknown>;
  return (
    isText(hit.title) &&
    isText(hit.snippet) &&
    isText(hit.date) &&
    isText(hit.url) &&
    hit.url.startsWith("/c/")
  );
}

/** The result in a tool_result's text; null when it is not one (an error text, another tool). */
export function parseSearchResult(text: string): SearchToolResult | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const { query, results } = value as Record<string, unknown>;
    if (!isText(query) || !Array.isArray(results) || !results.every(isHit)) return null;
    return {
      query,
      results: results.map(({ title, snippet, url, date }) => ({ title, snippet, url, date })),
    };
  } catch {
    return null;
  }
}
