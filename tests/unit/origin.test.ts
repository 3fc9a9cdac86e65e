import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "@/lib/security/origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("isForeignOrigin", () => {
  it.each([
    ["http://127.0.0.1:3000", "127.0.0.1:3000"],
    ["https://chat.example.com", "chat.example.com"],
    ["https://chat.example.com", "chat.example.com:443"],
    ["http://chat.example.com", "chat.example.com:80"],
    ["https://Chat.Example.com", "chat.example.com"],
  ])("accepts the app's own origin %s for Host %s", (origin, host) => {
    expect(isForeignOrigin(headers({ origin, host }))).toBe(false);
  });

  it("accepts a request without Origin (not sent by a web page)", () => {
    expect(isForeignOrigin(headers({ host: "chat.example.com" }))).toBe(false);
  });

  it.each([
    ["https://evil.example", "chat.example.com"],
    ["https://chat.example.com.evil.example", "chat.example.com"],
    ["http://127.0.0.1:3001", "127.0.0.1:3000"],
    ["https://chat.example.com:8443", "chat.example.com"],
    ["null", "chat.example.com"],
    ["not a url", "chat.example.com"],
  ])("refuses Origin %s for Host %s", (origin, host) => {
    expect(isForeignOrigin(headers({ origin, host }))).toBe(true);
  });

  it("refuses an Origin when there is no Host to compare it with", () => {
    expect(isForeignOrigin(headers({ origin: "https://chat.example.com" }))).toBe(true);
  });

  it("does not trust X-Forwarded-Host", () => {
    const forged = {
      origin: "https://evil.example",
      host: "chat.example.com",
      "x-forwarded-host": "evil.example",
    };
    expect(isForeignOrigin(headers(forged))).toBe(true);
  });
});
