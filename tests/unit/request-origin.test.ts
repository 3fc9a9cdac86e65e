import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { asAddressed } from "@/lib/auth/request-origin";

const request = (headers: Record<string, string>) =>
  new NextRequest("http://localhost:3000/api/auth/callback/oidc?code=abc&state=xyz", { headers });

describe("asAddressed", () => {
  it("takes the origin the browser used from Host, keeping path and query", () => {
    expect(asAddressed(request({ host: "127.0.0.1:4115" })).url).toBe(
      "http://127.0.0.1:4115/api/auth/callback/oidc?code=abc&state=xyz",
    );
  });

  it("follows a reverse proxy's X-Forwarded-Host and X-Forwarded-Proto (their first entries)", () => {
    const forwarded = request({
      host: "localhost:3000",
      "x-forwarded-host": "chat.example.test",
      "x-forwarded-proto": "https, http",
    });
    expect(new URL(asAddressed(forwarded).url).origin).toBe("https://chat.example.test");
  });

  it("carries method, headers and body over", async () => {
    const post = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { host: "127.0.0.1:4115", "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.test",
    });
    const addressed = asAddressed(post);
    expect(addressed.method).toBe("POST");
    expect(addressed.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await addressed.text()).toBe("email=a%40b.test");
  });

  it("keeps the request when the headers name no usable origin", () => {
    const odd = request({ host: "evil.test/path" });
    expect(asAddressed(odd)).toBe(odd);
    const scheme = request({ host: "a.test", "x-forwarded-proto": "javascript" });
    expect(asAddressed(scheme)).toBe(scheme);
  });
});
