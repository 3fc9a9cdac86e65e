/**
 * A Content-Disposition header naming `fileName` (an ASCII fallback plus the UTF-8 name); `inline`
 * shows the file in the browser, `attachment` downloads it.
 */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A Content-Disposition header for a download named after `title`. */
export function attachmentDisposition(title: string, extension: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\p{Cc}\s]+/gu, " ")
      .trim()
      .slice(0, 80) || "conversation";
  return contentDisposition("attachment", `${base}.${extension}`);
}
