// Who reaches the admin console: the admin routes behind the route wrapper with the session and the
// admin lookup mocked. Signed out is 401, a signed-in non-admin gets the same 404 as a missing page
// (before the body is looked at), and an admin's bad input is refused with its reason.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { registrationGate } from "@/lib/auth/registration-gate";
import { parseEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const { session, admins, changes } = vi.hoisted(() => ({
  session: { userId: null as string | null },
  admins: new Set<string>(),
  changes: [] as unknown[],
}));

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(async () => (session.userId ? { user: { id: session.userId } } : null)),
  requireUserId: vi.fn(async () => {
    if (!session.userId) throw new AppError("unauthorized:auth", "Sign in to continue.");
    return session.userId;
  }),
}));

vi.mock("@/lib/db/admin-users", () => ({
  findActiveAdmin: vi.fn(async (id: string) => (admins.has(id) ? { id, email: `${id}@example.test` } : null)),
  changeUser: vi.fn(async (actor: unknown, id: string, change: unknown) => {
    changes.push({ actor, id, change });
    return id === "self" ? { ok: false, code: "forbidden:self" } : { ok: true, changed: true };
  }),
  listUsersForAdmin: vi.fn(async () => []),
}));

const users = await import("@/app/(chat)/api/admin/users/[id]/route");
const list = await import("@/app/(chat)/api/admin/users/route");
const { requireAdmin } = await import("@/lib/auth/admin");

function patch(id: string, body: unknown) {
  return users.PATCH(
    new NextRequest(`http://127.0.0.1:3000/api/admin/users/${id}`, {
      method: "PATCH",
      headers: { host: "127.0.0.1:3000", "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
}

const body = async (response: Response) =>
  (await response.json()) as { error: { code: string; issues?: { message: string }[] } };

beforeEach(() => {
  session.userId = null;
  admins.clear();
  changes.length = 0;
});

describe("admin routes", () => {
  it("answer 401 signed out and 404 to a signed-in non-admin, changing nothing", async () => {
    expect((await patch("u2", { change: "role", role: "admin" })).status).toBe(401);
    session.userId = "u1";
    const refused = await patch("u2", { change: "role", role: "admin" });
    expect(refused.status).toBe(404);
    expect((await body(refused)).error.code).toBe("not_found:page");
    const listed = await list.GET(new NextRequest("http://127.0.0.1:3000/api/admin/users"), {} as never);
    expect(listed.status).toBe(404);
    expect(changes).toEqual([]);
  });

  it("apply an admin's valid change and refuse bad input with a stable code and its reason", async () => {
    session.userId = "boss";
    admins.add("boss");
    expect((await patch("u2", { change: "budget", monthlyBudgetUsd: "12.5" })).status).toBe(200);
    expect(changes).toEqual([
      {
        actor: { id: "boss", email: "boss@example.test" },
        id: "u2",
        change: { change: "budget", monthlyBudgetUsd: 12.5 },
      },
    ]);
    const negative = await patch("u2", { change: "budget", monthlyBudgetUsd: -3 });
    expect(negative.status).toBe(400);
    expect(await body(negative)).toMatchObject({
      error: { code: "bad_request:budget", issues: [{ message: "budgetNegative" }] },
    });
    const role = await patch("u2", { change: "role", role: "owner" });
    expect(await body(role)).toMatchObject({
      error: { code: "bad_request:input", issues: [{ message: "roleInvalid" }] },
    });
    const self = await patch("self", { change: "status", status: "disabled" });
    expect(self.status).toBe(403);
    expect((await body(self)).error.code).toBe("forbidden:self");
  });

  it("requireAdmin reads the admin from the database on every call (a demotion takes effect at once)", async () => {
    session.userId = "boss";
    admins.add("boss");
    await expect(requireAdmin()).resolves.toEqual({ id: "boss", email: "boss@example.test" });
    admins.delete("boss");
    await expect(requireAdmin()).rejects.toMatchObject({ code: "not_found:page" });
  });
});

describe("registrationGate", () => {
  const token = "A".repeat(32);
  it("closes registration in closed mode or with REGISTRATION_OPEN=false, invite or not", () => {
    expect(registrationGate(true, "closed", token)).toEqual({ ok: false, error: "registrationClosed" });
    expect(registrationGate(false, "open", null)).toEqual({ ok: false, error: "registrationClosed" });
  });
  it("needs an invite in invite mode and checks any invite presented", () => {
    expect(registrationGate(true, "invite", null)).toEqual({ ok: false, error: "inviteRequired" });
    expect(registrationGate(true, "invite", token)).toEqual({ ok: true, inviteToken: token });
    expect(registrationGate(true, "open", null)).toEqual({ ok: true });
    expect(registrationGate(true, "open", token)).toEqual({ ok: true, inviteToken: token });
    expect(registrationGate(true, "open", "not a token!")).toEqual({ ok: false, error: "inviteInvalid" });
  });
});

describe("ADMIN_EMAILS", () => {
  it("is a lower-cased list, empty when unset", () => {
    expect(parseEnv({ ADMIN_EMAILS: " Ann@Example.test, bob@example.test ," }).ADMIN_EMAILS).toEqual([
      "ann@example.test",
      "bob@example.test",
    ]);
    expect(parseEnv({}).ADMIN_EMAILS).toEqual([]);
  });
});
