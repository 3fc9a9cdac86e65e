import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findSessionVersion, revokeSessions } from "@/lib/db/users";
import { newUser } from "./fixtures";

describe("session versions", () => {
  it("start at 0 and are null for a user that does not exist", async () => {
    const user = await newUser();
    expect(await findSessionVersion(user.id)).toBe(0);
    expect(await findSessionVersion("no-such-user")).toBeNull();
  });

  it("revokeSessions bumps the version of that user only", async () => {
    const [user, other] = [await newUser(), await newUser()];
    expect(await revokeSessions(user.id)).toBe(true);
    expect(await revokeSessions(user.id)).toBe(true);
    expect(await findSessionVersion(user.id)).toBe(2);
    expect(await findSessionVersion(other.id)).toBe(0);
    expect(await revokeSessions("no-such-user")).toBe(false);
  });

  it("with a version, bumps only while that version is current (an ended session ends nothing)", async () => {
    const user = await newUser();
    expect(await revokeSessions(user.id, 0)).toBe(true);
    expect(await revokeSessions(user.id, 0)).toBe(false);
    expect(await findSessionVersion(user.id)).toBe(1);
  });
});

// Kept here rather than in a benchmark: the check every authenticated request now makes.
describe("the session-version lookup", () => {
  it("is one primary-key read (its cost is printed; the bound only catches a pathological slowdown)", async () => {
    const user = await newUser();
    for (let i = 0; i < 100; i++) await findSessionVersion(user.id); // warm up
    const rounds = 500;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) await findSessionVersion(user.id);
    const perLookupMs = (performance.now() - started) / rounds;
    console.info(`session-version lookup: ${(perLookupMs * 1000).toFixed(0)} µs`);
    expect(perLookupMs).toBeLessThan(25);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });
});
