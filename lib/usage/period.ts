// The /usage period: a range of whole days in the viewer's time zone, as the instants [from, to).
import { z } from "zod";

export const RANGES = ["month", "30d", "custom"] as const;
export type Range = (typeof RANGES)[number];
export const MAX_PERIOD_DAYS = 366;

export interface Period {
  range: Range;
  timeZone: string;
  /** First and last day shown, inclusive ("YYYY-MM-DD" in `timeZone`). */
  firstDay: string;
  lastDay: string;
  from: Date;
  to: Date;
}

export type PeriodError = "invalid" | "reversed" | "tooLong";
export type PeriodResult = { ok: true; period: Period } | { ok: false; error: PeriodError };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().max(64).refine(isTimeZone, "is not a known time zone");

/** The query of the page and the CSV route; anything unusable falls back to "This month" in UTC. */
export const periodQuerySchema = z.object({
  range: z.enum(RANGES).catch("month"),
  from: z.string().max(10).optional().catch(undefined),
  to: z.string().max(10).optional().catch(undefined),
  tz: timeZoneSchema.catch("UTC").default("UTC"),
});
export type PeriodQuery = z.infer<typeof periodQuerySchema>;

/** Days since 1970-01-01 of a valid calendar day, or null ("2026-02-30" is not one). */
function dayNumber(day: string | undefined): number | null {
  if (!day || !DAY.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return null;
  return ms / DAY_MS;
}

const dayString = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string, instant: number) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", string>;
}

/** The calendar day of `instant` in `timeZone`. */
export function dayIn(timeZone: string, instant: Date): string {
  const parts = partsIn(timeZone, instant.getTime());
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function offsetMs(timeZone: string, instant: number): number {
  const p = partsIn(timeZone, instant);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a day starts in `timeZone` (its offset read twice, so a DST change that day is right). */
export function startOfDay(timeZone: string, day: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const first = wall - offsetMs(timeZone, wall);
  return new Date(wall - offsetMs(timeZone, first));
}

/** Start instants of every day of the period plus its end, for bucketing rows by local day. */
export function dayStarts(period: Period): { day: string; start: number }[] {
  const first = dayNumber(period.firstDay) as number;
  const last = dayNumber(period.lastDay) as number;
  const days: { day: string; start: number }[] = [];
  for (let n = first; n <= last; n++) {
    const day = dayString(n);
    days.push({ day, start: startOfDay(period.timeZone, day).getTime() });
  }
  return days;
}

function periodOf(range: Range, timeZone: string, first: number, last: number): Period {
  return {
    range,
    timeZone,
    firstDay: dayString(first),
    lastDay: dayString(last),
    from: startOfDay(timeZone, dayString(first)),
    to: startOfDay(timeZone, dayString(last + 1)),
  };
}

export function resolvePeriod(query: PeriodQuery, now: Date = new Date()): PeriodResult {
  const { range, tz } = query;
  const today = dayNumber(dayIn(tz, now)) as number;
  if (range === "30d") return { ok: true, period: periodOf(range, tz, today - 29, today) };
  if (range === "month") {
    const [year, month] = dayString(today).split("-").map(Number) as [number, number];
    const first = Date.UTC(year, month - 1, 1) / DAY_MS;
    const last = Date.UTC(year, month, 0) / DAY_MS;
    return { ok: true, period: periodOf(range, tz, first, last) };
  }
  const first = dayNumber(query.from);
  const last = dayNumber(query.to);
  if (first === null || last === null) return { ok: false, error: "invalid" };
  if (last < first) return { ok: false, error: "reversed" };
  if (last - first + 1 > MAX_PERIOD_DAYS) return { ok: false, error: "tooLong" };
  return { ok: true, period: periodOf(range, tz, first, last) };
}

/** The query that names `period` again (the CSV link, the picker's defaults). */
export function periodQuery(period: Period): Record<string, string> {
  return { range: "custom", from: period.firstDay, to: period.lastDay, tz: period.timeZone };
}
