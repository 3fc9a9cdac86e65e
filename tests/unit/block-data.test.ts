import { describe, expect, it } from "vitest";
import {
  appHref,
  asToolCall,
  asToolResult,
  pairResults,
  prettyJson,
} from "@/components/chat/blocks/block-data";

describe("block data", () => {
  it("accepts only links within the app", () => {
    expect(appHref("/c/abc?m=x#m-x")).toBe("/c/abc?m=x#m-x");
    for (const url of ["//evil.example/", "/\\evil.example", "https://x.example/", "javascript:alert(1)", ""])
      expect(appHref(url)).toBeNull();
  });

  it("reads tool calls of every kind, not malformed ones", () => {
    expect(asToolCall({ type: "mcp_tool_use", id: "m1", name: "lookup", input: { a: 1 } })).toEqual({
      type: "mcp_tool_use",
      id: "m1",
      name: "lookup",
      input: { a: 1 },
    });
    expect(asToolCall({ type: "tool_use", id: "t1" })).toBeNull();
    expect(asToolCall({ type: "text", text: "x" })).toBeNull();
  });

  it("reads a result's text from a string or text blocks", () => {
    expect(asToolResult({ type: "tool_result", tool_use_id: "t", content: "plain" })?.text).toBe("plain");
    expect(
      asToolResult({
        type: "tool_result",
        tool_use_id: "t",
        content: [{ type: "text", text: "a" }, { type: "image" }, { type: "text", text: "b" }],
        is_error: true,
      }),
    ).toEqual({ type: "tool_result", toolUseId: "t", text: "a\nb", isError: true });
    expect(asToolResult({ type: "tool_result", content: "x" })).toBeNull();
  });

  it("pairs each call with its first result, and only calls present", () => {
    const call = { type: "tool_use", id: "t1", name: "x", input: {} };
    const first = { type: "tool_result", tool_use_id: "t1", content: "1" };
    const again = { type: "tool_result", tool_use_id: "t1", content: "2" };
    const orphan = { type: "tool_result", tool_use_id: "t9", content: "3" };
    const paired = pairResults([call, undefined, first, again, orphan]);
    expect([...paired.entries()]).toEqual([["t1", first]]);
  });

  it("prints inputs as indented JSON", () => {
    expect(prettyJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson(undefined)).toBe("{}");
  });
});
