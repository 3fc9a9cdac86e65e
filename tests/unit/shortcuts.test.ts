// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { type KeyPress, matchShortcut, onShortcut, runShortcut } from "@/components/shortcuts/registry";

function press(key: string, options: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : "",
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    isComposing: false,
    keyCode: 0,
    target: document.body,
    ...options,
  };
}

describe("matchShortcut", () => {
  it("matches each binding with Ctrl or ⌘", () => {
    expect(matchShortcut(press("O", { ctrlKey: true, shiftKey: true }))).toBe("newChat");
    expect(matchShortcut(press("O", { metaKey: true, shiftKey: true }))).toBe("newChat");
    expect(matchShortcut(press("k", { ctrlKey: true }))).toBe("search");
    expect(matchShortcut(press("k", { metaKey: true }))).toBe("search");
    expect(matchShortcut(press("Escape", { shiftKey: true }))).toBe("focusComposer");
    expect(matchShortcut(press("Escape"))).toBe("stop");
    expect(matchShortcut(press("C", { ctrlKey: true, shiftKey: true }))).toBe("copyLastReply");
    expect(matchShortcut(press("S", { ctrlKey: true, shiftKey: true }))).toBe("toggleSidebar");
    expect(matchShortcut(press("?", { shiftKey: true }))).toBe("help");
  });

  it("leaves plain typing, other modifiers and copy (Ctrl+C) alone", () => {
    expect(matchShortcut(press("k"))).toBeNull();
    expect(matchShortcut(press("c", { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press("k", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(matchShortcut(press("k", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(matchShortcut(press("Enter"))).toBeNull();
    expect(matchShortcut(press("Escape", { ctrlKey: true }))).toBeNull();
  });

  it("matches letters by physical key on other layouts", () => {
    expect(matchShortcut(press("л", { code: "KeyK", ctrlKey: true }))).toBe("search");
  });

  it("ignores every key while an input method composes", () => {
    expect(matchShortcut(press("Escape", { isComposing: true }))).toBeNull();
    expect(matchShortcut(press("Escape", { keyCode: 229 }))).toBeNull();
    expect(matchShortcut(press("k", { ctrlKey: true, isComposing: true }))).toBeNull();
  });

  it("types ? in text fields instead of opening the help", () => {
    for (const element of [
      document.createElement("textarea"),
      document.createElement("input"),
      Object.assign(document.createElement("input"), { type: "search" }),
    ]) {
      expect(matchShortcut(press("?", { target: element }))).toBeNull();
    }
    const checkbox = Object.assign(document.createElement("input"), { type: "checkbox" });
    expect(matchShortcut(press("?", { target: checkbox }))).toBe("help");
    expect(matchShortcut(press("?", { target: document.createElement("button") }))).toBe("help");
  });
});

describe("handlers", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it("runs the latest registered handler, and reports when none acts", () => {
    const calls: string[] = [];
    expect(runShortcut("stop")).toBe(false);
    cleanups.push(onShortcut("stop", () => calls.push("first")));
    const second = onShortcut("stop", () => {
      calls.push("second");
    });
    expect(runShortcut("stop")).toBe(true);
    second();
    expect(runShortcut("stop")).toBe(true);
    expect(calls).toEqual(["second", "first"]);
  });

  it("lets a handler decline, so the key keeps its usual meaning", () => {
    cleanups.push(onShortcut("copyLastReply", () => false));
    expect(runShortcut("copyLastReply")).toBe(false);
  });
});
