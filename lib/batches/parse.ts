// Batch items from what a user brings: pasted lines, a CSV file (every column kept, one chosen for
// `{{text}}`), or JSONL (one object per line; its keys are the columns).
import Papa from "papaparse";

export const MAX_ITEMS = 100_000;
/** The largest input accepted, in characters (pasted text or an uploaded file). */
export const MAX_INPUT_CHARS = 20_000_000;
const MAX_COLUMNS = 50;

export interface ParsedItems {
  columns: string[];
  rows: Record<string, string>[];
}

export type ParseFormat = "lines" | "csv" | "jsonl";

/** Why an input cannot become items; `code` is stable, `line` (1-based) where it applies. */
export class ParseError extends Error {
  constructor(
    readonly code: "empty" | "too_many_items" | "too_many_columns" | "bad_csv" | "bad_jsonl" | "too_large",
    readonly line?: number,
  ) {
    super(line === undefined ? code : `${code} at line ${line}`);
    this.name = "ParseError";
  }
}

function checked(parsed: ParsedItems): ParsedItems {
  if (parsed.rows.length === 0) throw new ParseError("empty");
  if (parsed.rows.length > MAX_ITEMS) throw new ParseError("too_many_items");
  if (parsed.columns.length > MAX_COLUMNS) throw new ParseError("too_many_columns");
  return parsed;
}

/** One item per non-blank line, in the column `text`. */
export function parseLines(text: string): ParsedItems {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => ({ text: line }));
  return checked({ columns: ["text"], rows });
}

/** A CSV with a header row; blank lines skipped, blank or repeated header names made unique. */
export function parseCsv(text: string): ParsedItems {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const fatal = result.errors.find((e) => e.type === "Quotes");
  if (fatal) throw new ParseError("bad_csv", (fatal.row ?? 0) + 1);
  const [header, ...body] = result.data;
  if (!header) throw new ParseError("empty");
  const columns = uniqueNames(header);
  const rows = body.map((cells) =>
    Object.fromEntries(columns.map((name, i) => [name, (cells[i] ?? "").trim()] as const)),
  );
  return checked({ columns, rows });
}

/** One JSON object per line; strings kept, other values as JSON text; columns in first-seen order. */
export function parseJsonl(text: string): ParsedItems {
  const columns: string[] = [];
  const rows: Record<string, string>[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ParseError("bad_jsonl", i + 1);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw new ParseError("bad_jsonl", i + 1);
    const row: Record<string, string> = {};
    for (const [key, cell] of Object.entries(value)) {
      if (!columns.includes(key)) columns.push(key);
      row[key] = typeof cell === "string" ? cell : JSON.stringify(cell);
    }
    rows.push(row);
  }
  for (const row of rows) for (const name of columns) row[name] ??= "";
  return checked({ columns, rows });
}

export function parseItems(format: ParseFormat, text: string): ParsedItems {
  if (text.length > MAX_INPUT_CHARS) throw new ParseError("too_large");
  if (format === "csv") return parseCsv(text);
  if (format === "jsonl") return parseJsonl(text);
  return parseLines(text);
}

function uniqueNames(header: string[]): string[] {
  const seen = new Set<string>();
  return header.map((raw, i) => {
    const base = raw.trim() || `column${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}_${n}`;
    seen.add(name);
    return name;
  });
}
