// The summary route with the session, the conversation store, the budget ledger and the model
// mocked: another user's conversation is "not found" and costs nothing; the owner's is summarised
// with the summary model and its usage recorded as kind "summary".
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

const { session, calls } = vi.hoisted(() => ({
  session: { userId: null as string | null },
  calls: { stream: [] as { model: string; messages: unknown }[] },
}));

const OWNER = "owner-1";
const CONVERSATION = "0193c0c6-1111-7000-8000-000000000001";

vi.mock("@/lib/auth", () => ({
  requireUserId: vi.fn(async () => {
    if (!session.userId) throw new AppError("unauthorized:auth", "Sign in to continue.");
    return session.userId;
  }),
}));

vi.mock("@/lib/db/messages", () => ({
  turnContext: vi.fn(async (conversationId: string, userId: string) =>
    conversationId === CONVERSATION && userId === OWNER
      ? {
          generating: false,
          rows: [
            { role: "user", content: JSON.stringify([{ type: "text", text: "We chose PostgreSQL." }]) },
            { role: "assistant", content: JSON.stringify([{ type: "text", text: "Noted." }]) },
          ],
        }
      : null,
  ),
}));

vi.mock("@/lib/db/budget", () => ({
  reserveBudget: vi.fn(async () => {}),
  recordHeldUsage: vi.fn(async () => {}),
  releaseReplyHolds: vi.fn(async () => {}),
}));

vi.mock("@/lib/model/client", () => ({
  anthropic: () => ({
    messages: {
      stream: (request: { model: string; messages: unknown }) => {
        calls.stream.push(request);
        return {
          request_id: "req_summary",
          finalMessage: async () => ({
            model: request.model,
            content: [{ type: "text", text: "The user chose PostgreSQL." }],
            usage: {
              input_tokens: 50,
              output_tokens: 8,
              cache_read_input_tokens: 0,
              cache_creation_input_tokens: 0,
            },
          }),
        };
      },
    },
  }),
}));

const { POST } = await import("@/app/(chat)/api/conversations/[id]/summary/route");
const budget = await import("@/lib/db/budget");

function call(id: string) {
  const request = new NextRequest(`http://127.0.0.1:3000/api/conversations/${id}/summary`, {
    method: "POST",
    headers: { host: "127.0.0.1:3000" },
  });
  return POST(request, { params: Promise.resolve({ id }) });
}

beforeEach(() => {
  session.userId = null;
  calls.stream.length = 0;
  vi.mocked(budget.reserveBudget).mockClear();
  vi.mocked(budget.recordHeldUsage).mockClear();
});

describe("POST /api/conversations/<id>/summary", () => {
  it("refuses a signed-out request", async () => {
    expect((await call(CONVERSATION)).status).toBe(401);
  });

  it("answers another user's conversation 404 without calling the model or reserving budget", async () => {
    session.userId = "stranger-1";
    const response = await call(CONVERSATION);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "not_found:conversation",
    );
    expect(calls.stream).toHaveLength(0);
    expect(budget.reserveBudget).not.toHaveBeenCalled();
  });

  it("answers an id that cannot be one 404", async () => {
    session.userId = OWNER;
    expect((await call("not an id")).status).toBe(404);
  });

  it("summarises the owner's conversation and records the call as kind summary", async () => {
    session.userId = OWNER;
    const response = await call(CONVERSATION);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ summary: "The user chose PostgreSQL." });
    expect(JSON.stringify(calls.stream[0]?.messages)).toContain("User: We chose PostgreSQL.");
    expect(budget.reserveBudget).toHaveBeenCalledOnce();
    expect(budget.recordHeldUsage).toHaveBeenCalledWith(
      expect.objectContaining({
        userId: OWNER,
        conversationId: CONVERSATION,
        kind: "summary",
        requestId: "req_summary",
      }),
      expect.any(String),
    );
  });
});
