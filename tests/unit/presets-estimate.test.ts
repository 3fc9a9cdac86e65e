import { describe, expect, it } from "vitest";
import { estimateTokens } from "@/lib/presets/estimate";

describe("estimateTokens", () => {
  it("is zero for empty text", () => {
    expect(estimateTokens("")).toBe(0);
  });

  it("counts about one token per four Latin characters, rounding up", () => {
    expect(estimateTokens("abcd")).toBe(1);
    expect(estimateTokens("abcde")).toBe(2);
    expect(estimateTokens("x".repeat(4000))).toBe(1000);
  });

  it("counts one token per CJK character", () => {
    expect(estimateTokens("日本語")).toBe(3);
    expect(estimateTokens("ひらがなカタカナ")).toBe(8);
    expect(estimateTokens("한국어")).toBe(3);
    expect(estimateTokens("。、「」！")).toBe(5);
  });

  it("adds both for mixed text", () => {
    // 5 Japanese characters + "Hello, " (7 Latin characters, 2 tokens)
    expect(estimateTokens("Hello, 日本語です")).toBe(7);
  });

  it("counts characters outside the BMP once", () => {
    expect(estimateTokens("𠮷")).toBe(1);
    expect(estimateTokens("😀😀😀😀")).toBe(1);
  });
});
