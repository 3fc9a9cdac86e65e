import { describe, expect, it } from "vitest";
import { MessageTree } from "@/lib/chat/tree";

// u1 ─ a1 ─ u2 ─ a2
//    └ a1b      └ a2b ─ u3b
// u1e (edit of u1) ─ a1e
const nodes = [
  { id: "u1", parentId: null },
  { id: "a1", parentId: "u1" },
  { id: "u2", parentId: "a1" },
  { id: "a2", parentId: "u2" },
  { id: "a1b", parentId: "u1" },
  { id: "a2b", parentId: "u2" },
  { id: "u3b", parentId: "a2b" },
  { id: "u1e", parentId: null },
  { id: "a1e", parentId: "u1e" },
];
const tree = new MessageTree(nodes);
const ids = (list: { id: string }[]) => list.map((node) => node.id);

describe("MessageTree", () => {
  it("without an active leaf follows the newest root and newest children", () => {
    expect(ids(tree.path(null))).toEqual(["u1e", "a1e"]);
  });

  it("goes through the active leaf and continues below it along the newest children", () => {
    expect(ids(tree.path("a2"))).toEqual(["u1", "a1", "u2", "a2"]);
    expect(ids(tree.path("u2"))).toEqual(["u1", "a1", "u2", "a2b", "u3b"]);
  });

  it("falls back to the newest branch when the active leaf is unknown", () => {
    expect(ids(tree.path("deleted"))).toEqual(["u1e", "a1e"]);
  });

  it("lists siblings oldest first, including roots", () => {
    expect(tree.siblingIds("a1b")).toEqual(["a1", "a1b"]);
    expect(tree.siblingIds("u1e")).toEqual(["u1", "u1e"]);
    expect(tree.siblingIds("u3b")).toEqual(["u3b"]);
    expect(tree.siblingIds("nope")).toEqual([]);
  });

  it("newestLeafUnder descends along the newest children", () => {
    expect(tree.newestLeafUnder("a1")).toBe("u3b");
    expect(tree.newestLeafUnder("a1b")).toBe("a1b");
  });

  it("chainTo runs from the root to the message", () => {
    expect(ids(tree.chainTo("a2b"))).toEqual(["u1", "a1", "u2", "a2b"]);
    expect(tree.chainTo("nope")).toEqual([]);
  });

  it("is empty for an empty conversation", () => {
    expect(new MessageTree([]).path(null)).toEqual([]);
  });
});
