import { describe, expect, it } from "vitest";
import { estimateImageTokens, fitWithin } from "@/lib/images/resize";

describe("fitWithin", () => {
  it("scales a 12-megapixel landscape photo to 1568 px on the long edge", () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1568, height: 1176 });
  });

  it("scales a portrait photo by its height", () => {
    expect(fitWithin(3000, 4000)).toEqual({ width: 1176, height: 1568 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1176, height: 1568 });
  });

  it("leaves an image that already fits alone (never upscales)", () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1568, 1568)).toEqual({ width: 1568, height: 1568 });
    expect(fitWithin(1, 1)).toEqual({ width: 1, height: 1 });
  });

  it("keeps squares square and extreme panoramas at least 1 px high", () => {
    expect(fitWithin(5000, 5000)).toEqual({ width: 1568, height: 1568 });
    expect(fitWithin(8000, 2)).toEqual({ width: 1568, height: 1 });
  });

  it("takes another long edge", () => {
    expect(fitWithin(4000, 3000, 1000)).toEqual({ width: 1000, height: 750 });
  });
});

describe("estimateImageTokens: ⌈w/28⌉ × ⌈h/28⌉", () => {
  it("counts tiles of 28 px, rounding up", () => {
    expect(estimateImageTokens(28, 28)).toBe(1);
    expect(estimateImageTokens(29, 28)).toBe(2);
    expect(estimateImageTokens(1, 1)).toBe(1);
    expect(estimateImageTokens(1568, 1176)).toBe(56 * 42);
    expect(estimateImageTokens(1000, 1000)).toBe(36 * 36);
  });

  it("counts an oversized image at the size the API downscales it to", () => {
    expect(estimateImageTokens(4000, 3000)).toBe(estimateImageTokens(1568, 1176));
  });
});
