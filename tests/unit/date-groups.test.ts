import { describe, expect, it } from "vitest";
import { dateGroup, dayNumber, groupByDate } from "@/components/sidebar/date-groups";

// A fixed clock: 2026-03-15 10:30 UTC (19:30 in Tokyo, 06:30 in New York).
const NOW = new Date("2026-03-15T10:30:00Z");
const at = (iso: string) => new Date(iso);

describe("dayNumber", () => {
  it("counts calendar days in the given time zone", () => {
    expect(dayNumber(at("1970-01-01T00:00:00Z"), "UTC")).toBe(0);
    expect(dayNumber(at("1970-01-02T23:59:59Z"), "UTC")).toBe(1);
    // 23:30 UTC is already the next day in Tokyo and still the same day in New York.
    expect(dayNumber(at("2026-03-14T23:30:00Z"), "Asia/Tokyo")).toBe(dayNumber(NOW, "UTC"));
    expect(dayNumber(at("2026-03-15T03:00:00Z"), "America/New_York")).toBe(dayNumber(NOW, "UTC") - 1);
  });
});

describe("dateGroup", () => {
  const today = dayNumber(NOW, "UTC");

  it("sorts dates into Today, Yesterday, Previous 7 days and Older", () => {
    expect(dateGroup(at("2026-03-15T00:00:00Z"), today, "UTC")).toBe("today");
    expect(dateGroup(at("2026-03-15T23:59:59Z"), today, "UTC")).toBe("today");
    expect(dateGroup(at("2026-03-14T23:59:59Z"), today, "UTC")).toBe("yesterday");
    expect(dateGroup(at("2026-03-14T00:00:00Z"), today, "UTC")).toBe("yesterday");
    expect(dateGroup(at("2026-03-13T12:00:00Z"), today, "UTC")).toBe("previous7Days");
    expect(dateGroup(at("2026-03-08T00:00:00Z"), today, "UTC")).toBe("previous7Days");
    expect(dateGroup(at("2026-03-07T23:59:59Z"), today, "UTC")).toBe("older");
    expect(dateGroup(at("2025-12-31T12:00:00Z"), today, "UTC")).toBe("older");
  });

  it("treats a clock running slightly behind the server as today", () => {
    expect(dateGroup(at("2026-03-16T00:00:05Z"), today, "UTC")).toBe("today");
  });

  it("follows the reader's time zone, not the server's", () => {
    const lateEvening = at("2026-03-14T22:00:00Z");
    expect(dateGroup(lateEvening, dayNumber(NOW, "UTC"), "UTC")).toBe("yesterday");
    expect(dateGroup(lateEvening, dayNumber(NOW, "Asia/Tokyo"), "Asia/Tokyo")).toBe("today");
  });

  it("crosses month and year boundaries and daylight-saving changes", () => {
    const newYear = dayNumber(at("2026-01-01T12:00:00Z"), "UTC");
    expect(dateGroup(at("2025-12-31T12:00:00Z"), newYear, "UTC")).toBe("yesterday");
    // New York moved its clocks forward on 2026-03-08.
    const afterDst = dayNumber(at("2026-03-09T16:00:00Z"), "America/New_York");
    expect(dateGroup(at("2026-03-08T16:00:00Z"), afterDst, "America/New_York")).toBe("yesterday");
  });
});

describe("groupByDate", () => {
  it("keeps the list order within groups, groups in order, and drops empty groups", () => {
    const items = [
      { id: "a", updatedAt: "2026-03-15T09:00:00.000Z" },
      { id: "b", updatedAt: "2026-03-15T01:00:00.000Z" },
      { id: "c", updatedAt: "2026-03-10T01:00:00.000Z" },
      { id: "d", updatedAt: "2024-01-01T00:00:00.000Z" },
    ];
    const groups = groupByDate(items, dayNumber(NOW, "UTC"), "UTC");
    expect(groups.map(({ group, items }) => [group, items.map((item) => item.id)])).toEqual([
      ["today", ["a", "b"]],
      ["previous7Days", ["c"]],
      ["older", ["d"]],
    ]);
    expect(groupByDate([], dayNumber(NOW, "UTC"), "UTC")).toEqual([]);
  });
});
