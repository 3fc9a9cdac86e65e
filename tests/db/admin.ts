import { describe, expect, it } from "vitest";
import { changeUser, listUsersForAdmin } from "@/lib/db/admin-users";
import { changeAppSettings, getAppSettings } from "@/lib/db/app-settings";
import { auditPage } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { createInvite, InviteRefused } from "@/lib/db/invites";
import { teamUsage } from "@/lib/db/team-usage";
import { recordUsage } from "@/lib/db/usage";
import { createUser, findSessionVersion } from "@/lib/db/users";
import { HASH, MODEL, newUser, uniqueEmail } from "./fixtures";

async function adminActor() {
  const user = await newUser();
  await db.user.update({ where: { id: user.id }, data: { role: "admin" } });
  return { id: user.id, email: user.email };
}

describe("admin: roles and status", () => {
  it("refuses a role change or disabling that would leave no enabled admin", async () => {
    // Only the two admins made here: earlier tests' admins (the first user) step down.
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "user" } });
    const first = await adminActor();
    const second = await adminActor();
    expect(await changeUser(first, second.id, { change: "role", role: "user" })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await changeUser(first, first.id, { change: "role", role: "user" })).toEqual({
      ok: false,
      code: "conflict:last_admin",
    });
    expect((await db.user.findUnique({ where: { id: first.id } }))?.role).toBe("admin");
    // Promoting another makes stepping down possible.
    await changeUser(first, second.id, { change: "role", role: "admin" });
    expect(await changeUser(first, first.id, { change: "role", role: "user" })).toMatchObject({ ok: true });
  });

  it("lets only one of two admins demoting each other at once succeed", async () => {
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "user" } });
    const a = await adminActor();
    const b = await adminActor();
    const results = await Promise.all([
      changeUser(a, b.id, { change: "role", role: "user" }),
      changeUser(b, a.id, { change: "role", role: "user" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin", status: "active" } })).toBe(1);
  });

  it("refuses an admin disabling themselves; disabling another ends their sessions at once", async () => {
    const admin = await adminActor();
    expect(await changeUser(admin, admin.id, { change: "status", status: "disabled" })).toEqual({
      ok: false,
      code: "forbidden:self",
    });
    const user = await newUser();
    const before = await findSessionVersion(user.id);
    expect(await changeUser(admin, user.id, { change: "status", status: "disabled" })).toMatchObject({
      ok: true,
    });
    expect(await findSessionVersion(user.id)).toBe((before ?? 0) + 1);
    expect((await db.user.findUnique({ where: { id: user.id } }))?.status).toBe("disabled");
    expect(await changeUser(admin, "no-such-user", { change: "budget", monthlyBudgetUsd: 5 })).toEqual({
      ok: false,
      code: "not_found:user",
    });
  });

  it("records every change in the audit log with who, what and when, newest first", async () => {
    const admin = await adminActor();
    const user = await newUser();
    await changeUser(admin, user.id, { change: "budget", monthlyBudgetUsd: 12.5 });
    await changeUser(admin, user.id, { change: "budget", monthlyBudgetUsd: 12.5 }); // no change, no entry
    await changeUser(admin, user.id, { change: "role", role: "admin" });
    const { entries } = await auditPage(1);
    const mine = entries.filter((entry) => entry.targetEmail === user.email);
    expect(mine.map((entry) => [entry.action, entry.detail])).toEqual([
      ["role", { from: "user", to: "admin" }],
      ["budget", { from: null, to: 12.5 }],
    ]);
    expect(mine[0]?.actorEmail).toBe(admin.email);
    expect(mine[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(mine[1]!.createdAt.getTime());
  });

  it("lists users with their month-to-date spend from the ledger", async () => {
    const user = await newUser();
    for (const costUsd of [0.25, 0.5, null])
      await recordUsage({
        userId: user.id,
        conversationId: null,
        messageId: null,
        kind: "reply",
        model: MODEL,
        requestId: null,
        usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
        costUsd,
      });
    const row = (await listUsersForAdmin()).find((candidate) => candidate.id === user.id);
    expect(row).toMatchObject({ email: user.email, role: "user", status: "active", monthToDateUsd: 0.75 });
  });
});

describe("admin: settings and invites", () => {
  it("gives new users the default budget and records the change", async () => {
    const admin = await adminActor();
    await changeAppSettings(admin, { defaultBudgetUsd: 7 });
    const user = await newUser();
    expect((await db.user.findUnique({ where: { id: user.id } }))?.monthlyBudgetUsd).toBe(7);
    await changeAppSettings(admin, { defaultBudgetUsd: null });
    expect((await getAppSettings()).defaultBudgetUsd).toBeNull();
    const { entries } = await auditPage(1);
    expect(entries[0]).toMatchObject({ action: "default_budget", detail: { from: 7, to: null } });
  });

  it("registers once per use of an invite, then refuses it", async () => {
    const admin = await adminActor();
    const { token } = await createInvite(admin, { maxUses: 2, expiresInHours: 1 });
    await createUser(uniqueEmail(), HASH, { inviteToken: token });
    // A taken email does not use the invite up.
    const taken = await newUser();
    await expect(createUser(taken.email, HASH, { inviteToken: token })).rejects.toMatchObject({
      code: "P2002",
    });
    await createUser(uniqueEmail(), HASH, { inviteToken: token });
    const email = uniqueEmail();
    await expect(createUser(email, HASH, { inviteToken: token })).rejects.toBeInstanceOf(InviteRefused);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("lets only one of two parallel registrations take an invite's last use", async () => {
    const admin = await adminActor();
    const { token } = await createInvite(admin, { maxUses: 1, expiresInHours: 1 });
    const results = await Promise.allSettled([
      createUser(uniqueEmail(), HASH, { inviteToken: token }),
      createUser(uniqueEmail(), HASH, { inviteToken: token }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("refuses an expired or unknown invite", async () => {
    const admin = await adminActor();
    const { token } = await createInvite(
      admin,
      { maxUses: 5, expiresInHours: 1 },
      new Date(Date.now() - 2 * 3_600_000),
    );
    await expect(createUser(uniqueEmail(), HASH, { inviteToken: token })).rejects.toBeInstanceOf(
      InviteRefused,
    );
    await expect(createUser(uniqueEmail(), HASH, { inviteToken: "x".repeat(32) })).rejects.toBeInstanceOf(
      InviteRefused,
    );
  });
});

describe("admin: team usage", () => {
  it("sums the month per model and per UTC day, leaving other months out", async () => {
    const { id: userId } = await newUser();
    const row = (createdAt: string, model: string, costUsd: number | null) =>
      recordUsage(
        {
          userId,
          conversationId: null,
          messageId: null,
          kind: "reply",
          model,
          requestId: null,
          usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
          costUsd,
        },
        new Date(createdAt),
      );
    // A month of its own, far from the other tests' rows.
    await row("2031-05-01T00:00:00Z", MODEL, 0.5);
    await row("2031-05-02T23:59:59Z", MODEL, 0.25);
    await row("2031-05-02T12:00:00Z", "unpriced-model", null);
    await row("2031-04-30T23:59:59Z", MODEL, 100); // April
    await row("2031-05-04T00:00:00Z", MODEL, 100); // after "now"'s day
    const usage = await teamUsage(new Date("2031-05-03T10:00:00Z"));
    expect(usage.perDay).toEqual([
      { day: "2031-05-01", costUsd: 0.5 },
      { day: "2031-05-02", costUsd: 0.25 },
      { day: "2031-05-03", costUsd: 0 },
    ]);
    expect(usage.perModel).toEqual([
      { model: MODEL, costUsd: 0.75, calls: 2, unpricedCalls: 0 },
      { model: "unpriced-model", costUsd: 0, calls: 1, unpricedCalls: 1 },
    ]);
    await db.usageRecord.deleteMany({ where: { userId } });
    await db.usageDaily.deleteMany({ where: { userId } });
  });

  it("keeps the daily roll-up equal to the ledger under parallel writes", async () => {
    const { id: userId } = await newUser();
    const at = new Date("2031-06-10T08:00:00Z");
    const entry = (costUsd: number | null) => ({
      userId,
      conversationId: null,
      messageId: null,
      kind: "reply" as const,
      model: MODEL,
      requestId: null,
      usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 },
      costUsd,
    });
    await Promise.all([
      ...Array.from({ length: 8 }, () => recordUsage(entry(0.125), at)),
      recordUsage(entry(null), at),
    ]);
    const daily = await db.usageDaily.findMany({ where: { userId } });
    expect(daily).toEqual([
      { day: "2031-06-10", userId, model: MODEL, costUsd: 1, calls: 9, pricedCalls: 8 },
    ]);
    expect(await db.usageRecord.count({ where: { userId } })).toBe(9);
    await db.usageRecord.deleteMany({ where: { userId } });
    await db.usageDaily.deleteMany({ where: { userId } });
  });
});
