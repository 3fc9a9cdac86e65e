// The message catalogue: one JSON file per UI area and locale (lib/i18n/messages/<locale>/<area>.json),
// merged into one object with the area as its top-level key.
import type { Locale } from "./locales";

export const AREAS = [
  "app",
  "auth",
  "nav",
  "chat",
  "presets",
  "images",
  "documents",
  "search",
  "usage",
  "batches",
  "admin",
  "share",
  "errors",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    AREAS.map(async (area) => [area, (await import(`./messages/${locale}/${area}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
