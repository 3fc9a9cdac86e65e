// Budgets in the reply flow: the first call is reserved before the reply starts (a refusal is the
// HTTP answer: 402 budget_exceeded, and nothing goes upstream); each further step through the
// runner's budget part (a refusal ends the reply with that error).
import "server-only";
import { BudgetExceededError } from "@/lib/budget/errors";
import { estimateCallUsd } from "@/lib/budget/estimate";
import { reserveBudget } from "@/lib/db/budget";
import { AppError } from "@/lib/errors";
import { stepRequest } from "./request";
import type { BudgetGate, ReplyCommand } from "./runner";

export function budgetRefusal(error: BudgetExceededError): AppError {
  const refusal = new AppError("budget_exceeded", error.message);
  refusal.params = error.params;
  return refusal;
}

/** Reserves the reply's first call, or refuses with 402 `budget_exceeded`. */
export async function reserveFirstCall(command: ReplyCommand): Promise<void> {
  try {
    await reserveBudget({
      userId: command.userId,
      replyId: command.assistantMessageId,
      step: 1,
      estimateUsd: estimateCallUsd(stepRequest(command.spec)),
    });
  } catch (error) {
    throw error instanceof BudgetExceededError ? budgetRefusal(error) : error;
  }
}

export const budgetGate: BudgetGate = {
  beforeCall: (command, request, step) =>
    reserveBudget({
      userId: command.userId,
      replyId: command.assistantMessageId,
      step,
      estimateUsd: estimateCallUsd(request),
    }),
};
