// The production reply store's budget holds: when a reply finishes, its remaining holds are released
// only after the step records still being written have landed (each record ends its own hold).
import { describe, expect, it, vi } from "vitest";
import type { ReplyCommand, ReplyStore, StepUsage } from "@/lib/chat/runner";

const { events } = vi.hoisted(() => ({ events: [] as string[] }));

vi.mock("@/lib/db/budget", () => ({
  reserveBudget: vi.fn(),
  releaseReplyHolds: vi.fn(async (replyId: string) => {
    events.push(`release ${replyId}`);
  }),
}));

const { releasingHolds } = await import("@/lib/chat/budget");

const reply = { assistantMessageId: "reply-1" } as ReplyCommand;
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
    await store.recordStep(reply, step).catch(() => events.push("record failed"));
    await expect(store.finish("reply-1", {} as never)).rejects.toThrow("database down");
    expect(events).toEqual(["record failed", "release reply-1"]);
  });
});
