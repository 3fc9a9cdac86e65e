// A call refused because it would take the user past their monthly budget (no upstream request is made).

export class BudgetExceededError extends Error {
  constructor(
    readonly budgetUsd: number,
    readonly resetsAt: Date,
  ) {
    super(
      `This would exceed your monthly budget of $${budgetUsd.toFixed(2)}. It resets on ${resetsAt.toISOString().slice(0, 10)}.`,
    );
    this.name = "BudgetExceededError";
  }

  /** The values the browser's translated message is filled with. */
  get params() {
    return { budgetUsd: this.budgetUsd, resetsAt: this.resetsAt.toISOString() };
  }
}
