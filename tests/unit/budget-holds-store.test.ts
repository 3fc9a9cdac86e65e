// The production reply store's budget holds: when a reply finishes, its remaining holds are released
// only after the step records still being written have landed (each record ends its own hold).
import { describe, expect, it, vi } from "vitest";
import type { ReplyCommand, ReplyStore, StepUsage } from "@/lib/chat/runner";

const { events } = vi.hoisted(() => ({ events: [] as string[] }));

vi.mock("@/lib/db/budget", () => ({
  reserveBudget: vi.fn(async (hold: { userId: string }) => hold.userId === "with-budget"),
  releaseReplyHolds: vi.fn(async (replyId: string) => {
    events.push(`release ${replyId}`);
  }),
}));

const { budgetGate, holdsBudget, releasingHolds } = await import("@/lib/chat/budget");

const reply = { assistantMessageId: "reply-1", userId: "with-budget" } as ReplyCommand;
const request = { model: "claude-sonnet-4-6", max_tokens: 100, messages: [] };
/** The reply takes a hold, as a step of a user with a budget does. */
const holdBudget = () => budgetGate.beforeCall(reply, request, 2);
const step = { step: 1 } as StepUsage;

describe("releasingHolds", () => {
  it("releases a finished reply's holds after its step records are written", async () => {
    events.length = 0;
    let landed: () => void = () => {};
    const inner: ReplyStore = {
      saveProgress: async () => {},
      recordStep: () =>
        new Promise<void>((resolve) => {
          landed = () => {
            events.push("step recorded");
            resolve();
          };
        }),
      finish: async () => {
        events.push("finished");
      },
    };
    const store = releasingHolds(inner);
    await holdBudget();
    void store.recordStep(reply, step);
    const finishing = store.finish("reply-1", {} as never);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual(["finished"]);
    landed();
    await finishing;
    expect(events).toEqual(["finished", "step recorded", "release reply-1"]);
  });

  it("releases the holds even when saving the reply fails, and a failed record does not block it", async () => {
    events.length = 0;
    const store = releasingHolds({
      saveProgress: async () => {},
      recordStep: async () => {
        throw new Error("ledger down");
      },
      finish: async () => {
        throw new Error("database down");
      },
    });
    await holdBudget();
    await store.recordStep(reply, step).catch(() => events.push("record failed"));
    await expect(store.finish("reply-1", {} as never)).rejects.toThrow("database down");
    expect(events).toEqual(["record failed", "release reply-1"]);
  });

  it("touches no holds for a reply that took none (a user without a budget)", async () => {
    events.length = 0;
    const unbudgeted = { assistantMessageId: "reply-2", userId: "no-budget" } as ReplyCommand;
    await budgetGate.beforeCall(unbudgeted, request, 2);
    expect(holdsBudget("reply-2")).toBe(false);
    const store = releasingHolds({
      saveProgress: async () => {},
      recordStep: async () => {},
      finish: async () => {
        events.push("finished");
      },
    });
    await store.finish("reply-2", {} as never);
    expect(events).toEqual(["finished"]);
  });
});
