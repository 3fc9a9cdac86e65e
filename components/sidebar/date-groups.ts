// Date headings of the conversation list, computed in the reader's time zone.
export const DATE_GROUPS = ["today", "yesterday", "previous7Days", "older"] as const;
export type DateGroup = (typeof DATE_GROUPS)[number];

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Days since 1970-01-01 of the calendar date that `date` falls on in `timeZone`. */
export function dayNumber(date: Date, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day")) / MS_PER_DAY;
}

export function dateGroup(date: Date, today: number, timeZone: string): DateGroup {
  const daysAgo = today - dayNumber(date, timeZone);
  if (daysAgo <= 0) return "today";
  if (daysAgo === 1) return "yesterday";
  if (daysAgo <= 7) return "previous7Days";
  return "older";
}

/** Items in date groups (in DATE_GROUPS order, empty ones left out), each keeping the items' order. */
export function groupByDate<T extends { updatedAt: string }>(
  items: readonly T[],
  today: number,
  timeZone: string,
): { group: DateGroup; items: T[] }[] {
  const byGroup = new Map<DateGroup, T[]>(DATE_GROUPS.map((group) => [group, []]));
  for (const item of items) byGroup.get(dateGroup(new Date(item.updatedAt), today, timeZone))?.push(item);
  return DATE_GROUPS.map((group) => ({ group, items: byGroup.get(group) ?? [] })).filter(
    (entry) => entry.items.length > 0,
  );
}
