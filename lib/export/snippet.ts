// Search result snippets: a window of text around the first match of the query.
const RADIUS = 40;

/** `text` around the first case-insensitive occurrence of `query`, on one line, with "…" where cut. */
export function snippetAround(text: string, query: string, radius = RADIUS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const at = flat.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return flat.length > radius * 2 ? `${flat.slice(0, radius * 2)}…` : flat;
  const start = Math.max(0, at - radius);
  const end = Math.min(flat.length, at + query.length + radius);
  return `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
}
