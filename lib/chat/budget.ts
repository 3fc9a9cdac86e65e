// Budgets in the reply flow: the first call is reserved before the reply starts (a refusal is the
// HTTP answer: 402 budget_exceeded, and nothing goes upstream); each further step through the
// runner's budget part (a refusal ends the reply with that error).
import "server-only";
import { BudgetExceededError } from "@/lib/budget/errors";
import { estimateCallUsd } from "@/lib/budget/estimate";
import { releaseReplyHolds, reserveBudget } from "@/lib/db/budget";
import { AppError } from "@/lib/errors";
import { stepRequest } from "./request";
import type { BudgetGate, ReplyCommand, ReplyStore } from "./runner";

export function budgetRefusal(error: BudgetExceededError): AppError {
  const refusal = new AppError("budget_exceeded", error.message);
  refusal.params = error.params;
  return refusal;
}

/** Replies of this process that hold budget (most users have no budget: their replies hold none). */
const holding = new Set<string>();

/** Whether the reply took a budget hold that a ledger record or its end must release. */
export function holdsBudget(replyId: string): boolean {
  return holding.has(replyId);
}

async function reserve(command: ReplyCommand, step: number, estimateUsd: number) {
  const id = command.assistantMessageId;
  if (await reserveBudget({ userId: command.userId, replyId: id, step, estimateUsd })) holding.add(id);
}

/** Reserves the reply's first call, or refuses with 402 `budget_exceeded`. */
export async function reserveFirstCall(command: ReplyCommand): Promise<void> {
  try {
    await reserve(command, 1, estimateCallUsd(stepRequest(command.spec)));
  } catch (error) {
    throw error instanceof BudgetExceededError ? budgetRefusal(error) : error;
  }
}

/** Ends every hold of a reply and forgets it (the reply finished, or its turn was never saved). */
export async function releaseHolds(replyId: string): Promise<void> {
  if (holding.delete(replyId)) await releaseReplyHolds(replyId);
}

export const budgetGate: BudgetGate = {
  beforeCall: (command, request, step) => reserve(command, step, estimateCallUsd(request)),
};

/**
 * The reply store with budget holds ended at the right moments: a step's hold goes with its ledger
 * row (recordStep, one transaction); when the reply finishes, the holds left (steps that failed
 * before the API reported usage) are released only after the step records still being written
 * have landed, so the hold and the recorded cost never both go missing at once.
 */
export function releasingHolds(store: ReplyStore): ReplyStore {
  /** Step records still being written, per reply (each leaves the set once written or failed). */
  const writing = new Map<string, Set<Promise<unknown>>>();
  return {
    saveProgress: store.saveProgress,
    recordStep(reply, step) {
      const id = reply.assistantMessageId;
      const written = store.recordStep(reply, step);
      const pending = writing.get(id) ?? new Set();
      writing.set(id, pending.add(written));
      const settled = () => {
        pending.delete(written);
        if (pending.size === 0 && writing.get(id) === pending) writing.delete(id);
      };
      written.then(settled, settled);
      return written;
    },
    async finish(replyId, reply) {
      try {
        return await store.finish(replyId, reply);
      } finally {
        await Promise.allSettled(writing.get(replyId) ?? []);
        await releaseHolds(replyId);
      }
    },
  };
}
