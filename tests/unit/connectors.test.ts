import { describe, expect, it } from "vitest";
import { MAX_CONNECTOR_URL_CHARS, newConnectorSchema } from "@/lib/connectors/schema";
import { openToken, sealToken } from "@/lib/connectors/secret-box";

process.env.AUTH_SECRET = "unit-tests-only-secret-0123456789abcdef";

const issues = (input: unknown) =>
  newConnectorSchema
    .safeParse(input)
    .error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("connector input", () => {
  it("accepts an https URL with an optional token and allowed tools", () => {
    expect(
      newConnectorSchema.parse({ name: "wiki_2", url: " https://mcp.example/sse ", token: "t" }),
    ).toEqual({
      name: "wiki_2",
      url: "https://mcp.example/sse",
      token: "t",
    });
  });

  it.each([
    [{ name: "wiki", url: "http://mcp.example/" }, "url: must start with https://"],
    [
      { name: "wiki", url: "https://user:pw@mcp.example/" },
      "url: must not contain a user name or password (use Token)",
    ],
    [
      { name: "wiki", url: `https://mcp.example/${"a".repeat(MAX_CONNECTOR_URL_CHARS)}` },
      "url: must be at most 2048 characters",
    ],
    [{ name: "wiki", url: "not a url" }, "url: is not a valid URL"],
    [{ name: "my wiki", url: "https://mcp.example/" }, "name: may contain only letters, digits, - and _"],
    [{ name: "", url: "https://mcp.example/" }, "name: must not be empty"],
  ])("refuses %j with a clear message", (input, message) => {
    expect(issues(input)).toContain(message);
  });
});

describe("connector tokens at rest", () => {
  it("round-trip, and never contain the token in the clear", () => {
    const sealed = sealToken("tok_secret_value");
    expect(sealed).not.toContain("tok_secret_value");
    expect(openToken(sealed)).toBe("tok_secret_value");
    expect(sealToken("tok_secret_value")).not.toBe(sealed); // a fresh IV each time
  });

  it("cannot be opened when tampered with or in an unknown format", () => {
    const sealed = sealToken("tok_secret_value");
    const bytes = Buffer.from(sealed.slice(3), "base64");
    bytes[bytes.length - 1]! ^= 1;
    expect(openToken(`v1:${bytes.toString("base64")}`)).toBeNull();
    expect(openToken("v0:abc")).toBeNull();
    expect(openToken("garbage")).toBeNull();
  });
});
