/** A Content-Disposition header for a download named after `title` (ASCII fallback plus UTF-8 name). */
export function attachmentDisposition(title: string, extension: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\p{Cc}\s]+/gu, " ")
      .trim()
      .slice(0, 80) || "conversation";
  const ascii = base.replace(/[^\x20-\x7e]+/g, "_");
  const utf8 = encodeURIComponent(`${base}.${extension}`);
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${utf8}`;
}
