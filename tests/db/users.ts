import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { createUser, findUserByEmail } from "@/lib/db/users";
import { HASH, isPostgres, uniqueEmail } from "./fixtures";

const admins = () => db.user.findMany({ where: { role: "admin" }, select: { id: true } });

describe("users", () => {
  it("makes the first user of an empty database admin and later users 'user'", async () => {
    expect(await db.user.count()).toBe(0); // runs first (see db.test.ts) on a fresh database
    const first = await createUser(uniqueEmail(), HASH);
    const second = await createUser(uniqueEmail(), HASH);
    expect(first.role).toBe("admin");
    expect(second.role).toBe("user");
    expect(await admins()).toEqual([{ id: first.id }]);
  });

  it("rejects a taken email with P2002 and keeps a single row", async () => {
    const email = uniqueEmail();
    await createUser(email, HASH);
    await expect(createUser(email, HASH)).rejects.toMatchObject({ code: "P2002" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("finds a user by email", async () => {
    const email = uniqueEmail();
    const created = await createUser(email, await hashPassword("correct horse"));
    const found = await findUserByEmail(email);
    expect(found).toMatchObject({ id: created.id, email, role: "user" });
    expect(await verifyPassword("correct horse", found!.passwordHash)).toBe(true);
    expect(await findUserByEmail(uniqueEmail())).toBeNull();
  });

  // Two registrations racing on an empty PostgreSQL database: both transactions count 0 users
  // unless the transaction is serializable. A SHARE lock on "User" lets the counts through but
  // holds both inserts until the two are waiting, which makes the interleaving deterministic.
  // (The SQLite adapter serializes transactions within the process, so there is no race there.)
  describe.runIf(isPostgres)("racing first registrations", () => {
    it("still make only one admin, and both accounts are created", async () => {
      await db.user.deleteMany(); // nothing else uses the database yet (see db.test.ts)
      let racing: Promise<unknown> = Promise.resolve();
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE "User" IN SHARE MODE');
        racing = Promise.allSettled([createUser(uniqueEmail(), HASH), createUser(uniqueEmail(), HASH)]);
        await waitForLockWaiters(2);
      });
      const results = (await racing) as PromiseSettledResult<unknown>[];
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
      expect(await admins()).toHaveLength(1);
    });
  });
});

/** Polls until `count` sessions wait on a lock (gives up after ~2 s; the race then decides the outcome). */
async function waitForLockWaiters(count: number) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const [row] = await db.$queryRawUnsafe<{ waiting: number }[]>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (row?.waiting === count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
