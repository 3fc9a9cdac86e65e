// Files that Claude's code execution produced, referenced by `file_id` in a reply's result blocks.
import type { ContentBlock } from "@/lib/chat/content";

/** Every `file_id` in the blocks, at any depth (result blocks nest their outputs). */
export function fileIdsIn(content: readonly ContentBlock[]): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "file_id" && typeof inner === "string") ids.add(inner);
        else visit(inner);
      }
    }
  };
  visit(content);
  return ids;
}

/** A file name safe for a Content-Disposition header. */
export function safeFileName(name: string | null | undefined): string {
  const cleaned = (name ?? "")
    .replace(/[^\w.\- ]+/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 120)
    .trim();
  return cleaned || "file";
}
