import { describe, expect, it } from "vitest";
import { checkImageUrl } from "@/lib/images/url";

describe("checkImageUrl", () => {
  it("accepts https URLs, trimmed and normalised", () => {
    expect(checkImageUrl("  https://example.com/cat.jpg ")).toEqual({
      ok: true,
      url: "https://example.com/cat.jpg",
    });
    expect(checkImageUrl("https://EXAMPLE.com/a b.png")).toEqual({
      ok: true,
      url: "https://example.com/a%20b.png",
    });
  });

  it("refuses http unless allowed, and other schemes always", () => {
    expect(checkImageUrl("http://example.com/cat.jpg")).toEqual({ ok: false, problem: "scheme" });
    expect(checkImageUrl("http://example.com/cat.jpg", { allowHttp: true })).toMatchObject({ ok: true });
    for (const url of [
      "ftp://example.com/a.png",
      "data:image/png;base64,AAAA",
      "javascript:alert(1)",
      "file:///etc/passwd",
    ]) {
      expect(checkImageUrl(url, { allowHttp: true })).toEqual({ ok: false, problem: "scheme" });
    }
  });

  it("refuses empty, malformed, credentialed and SVG addresses", () => {
    expect(checkImageUrl("   ")).toEqual({ ok: false, problem: "empty" });
    expect(checkImageUrl("example.com/cat.jpg")).toEqual({ ok: false, problem: "invalid" });
    expect(checkImageUrl("https://")).toEqual({ ok: false, problem: "invalid" });
    expect(checkImageUrl("https://user:secret@example.com/a.png")).toEqual({
      ok: false,
      problem: "credentials",
    });
    expect(checkImageUrl("https://example.com/logo.SVG")).toEqual({ ok: false, problem: "svg" });
  });

  it("caps the length at 2048 characters", () => {
    const base = "https://example.com/";
    expect(checkImageUrl(base + "a".repeat(2048 - base.length))).toMatchObject({ ok: true });
    expect(checkImageUrl(base + "a".repeat(2049 - base.length))).toEqual({ ok: false, problem: "too_long" });
    // Percent-encoding can push a short-looking input over the cap.
    expect(checkImageUrl(base + "é".repeat(700))).toEqual({ ok: false, problem: "too_long" });
  });
});
