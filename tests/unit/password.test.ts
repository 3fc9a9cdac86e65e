import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";

// bcrypt of "correct horse battery staple" made before pre-hashing existed (cost 4 keeps the test fast).
const OLD_FORMAT = "$2b$04$3SaPRPCTKN6G0yQDDMoOuOoDYR47scBUnAErPpz3S0X2v87HFhmw.";

describe("passwords", () => {
  it("counts every byte: two passwords sharing their first 72 bytes are different", async () => {
    const prefix = "a".repeat(72);
    const hash = await hashPassword(`${prefix}-first`);
    expect(await verifyPassword(`${prefix}-first`, hash)).toBe(true);
    expect(await verifyPassword(`${prefix}-second`, hash)).toBe(false);
    expect(await verifyPassword(prefix, hash)).toBe(false);
  });

  it("counts every byte of multi-byte passwords too (24 kana are 72 bytes)", async () => {
    const prefix = "あ".repeat(24);
    const hash = await hashPassword(`${prefix}い`);
    expect(await verifyPassword(`${prefix}う`, hash)).toBe(false);
    expect(await verifyPassword(`${prefix}い`, hash)).toBe(true);
  });

  it("marks new hashes and still verifies hashes in the old format", async () => {
    expect(await bcrypt.compare("correct horse battery staple", OLD_FORMAT)).toBe(true);
    expect(await verifyPassword("correct horse battery staple", OLD_FORMAT)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", OLD_FORMAT)).toBe(false);
    expect(needsRehash(OLD_FORMAT)).toBe(true);
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^hmac-sha256:\$2b\$11\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(hash).not.toContain("correct horse");
  });

  it("treats a password typed with full-width letters or composed kana as the same password", async () => {
    const hash = await hashPassword("Password-が");
    expect(await verifyPassword("Ｐａｓｓｗｏｒｄ-が", hash)).toBe(true);
    expect(await verifyPassword("Password-か\u3099", hash)).toBe(true);
    expect(await verifyPassword("password-が", hash)).toBe(false);
  });
});
