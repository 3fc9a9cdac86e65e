import { describe, expect, it } from "vitest";
import { dayIn, dayStarts, periodQuerySchema, resolvePeriod, startOfDay } from "@/lib/usage/period";

const NOW = new Date("2026-03-15T20:00:00Z"); // 2026-03-16 05:00 in Tokyo

function resolve(query: Record<string, string>) {
  return resolvePeriod(periodQuerySchema.parse(query), NOW);
}

describe("usage period", () => {
  it("this month and the last 30 days follow the viewer's time zone", () => {
    const month = resolve({ range: "month", tz: "Asia/Tokyo" });
    expect(month).toMatchObject({
      ok: true,
      period: {
        firstDay: "2026-03-01",
        lastDay: "2026-03-31",
        from: new Date("2026-02-28T15:00:00Z"),
        to: new Date("2026-03-31T15:00:00Z"),
      },
    });
    expect(resolve({ range: "30d" })).toMatchObject({
      ok: true,
      period: { timeZone: "UTC", firstDay: "2026-02-14", lastDay: "2026-03-15" },
    });
  });

  it("a custom range covers whole days, From and To included, across a DST change", () => {
    const result = resolve({ range: "custom", from: "2026-03-07", to: "2026-03-08", tz: "America/New_York" });
    expect(result).toMatchObject({
      ok: true,
      period: { from: new Date("2026-03-07T05:00:00Z"), to: new Date("2026-03-09T04:00:00Z") },
    });
    if (!result.ok) return;
    expect(dayStarts(result.period).map((day) => day.day)).toEqual(["2026-03-07", "2026-03-08"]);
    expect(startOfDay("Asia/Kolkata", "2026-01-01")).toEqual(new Date("2025-12-31T18:30:00Z"));
    expect(dayIn("Asia/Tokyo", new Date("2026-01-01T14:59:59Z"))).toBe("2026-01-01");
    expect(dayIn("Asia/Tokyo", new Date("2026-01-01T15:00:00Z"))).toBe("2026-01-02");
  });

  it("refuses missing, impossible, reversed and over-long ranges", () => {
    expect(resolve({ range: "custom" })).toEqual({ ok: false, error: "invalid" });
    expect(resolve({ range: "custom", from: "2026-02-30", to: "2026-03-01" })).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(resolve({ range: "custom", from: "yesterday", to: "2026-03-01" })).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(resolve({ range: "custom", from: "2026-03-02", to: "2026-03-01" })).toEqual({
      ok: false,
      error: "reversed",
    });
    expect(resolve({ range: "custom", from: "2025-01-01", to: "2026-01-02" })).toEqual({
      ok: false,
      error: "tooLong",
    });
    expect(resolve({ range: "custom", from: "2025-01-01", to: "2026-01-01" })).toMatchObject({ ok: true });
  });

  it("falls back to this month in UTC for an unknown range or time zone", () => {
    expect(periodQuerySchema.parse({ range: "forever", tz: "Mars/Olympus" })).toEqual({
      range: "month",
      tz: "UTC",
    });
    expect(periodQuerySchema.parse({})).toEqual({ range: "month", tz: "UTC" });
  });
});
