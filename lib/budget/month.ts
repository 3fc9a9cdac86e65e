// Budget arithmetic: budgets cover a calendar month in UTC, like the ledger's month-to-date total.

/** The first instant of `now`'s month (UTC). */
export function monthStartUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** When the budget resets: the first instant of the next month (UTC). */
export function budgetResetsAt(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** The share of a budget at which the composer warns. */
export const WARNING_SHARE = 0.8;

export interface BudgetFigures {
  /** Null: no budget. */
  budgetUsd: number | null;
  /** Month-to-date cost from the ledger. */
  spentUsd: number;
  /** Estimates of calls still running (their usage is not in the ledger yet). */
  heldUsd: number;
}

// Money is compared in micro-dollars, so that float sums such as 0.1 + 0.2 do not refuse a call that fits exactly.
const micro = (usd: number) => Math.round(usd * 1e6);

/** True when a call estimated at `estimateUsd` fits in what is left of the budget. */
export function fitsBudget(figures: BudgetFigures, estimateUsd: number): boolean {
  if (figures.budgetUsd === null) return true;
  return micro(figures.spentUsd) + micro(figures.heldUsd) + micro(estimateUsd) <= micro(figures.budgetUsd);
}

export type BudgetLevel = "none" | "ok" | "warning" | "exceeded";

/** What the composer shows: nothing below 80 % of the budget, a warning from 80 %, a refusal notice at 100 %. */
export function budgetLevel(budgetUsd: number | null, spentUsd: number): BudgetLevel {
  if (budgetUsd === null) return "none";
  if (micro(spentUsd) >= micro(budgetUsd)) return "exceeded";
  return micro(spentUsd) >= micro(budgetUsd * WARNING_SHARE) ? "warning" : "ok";
}
