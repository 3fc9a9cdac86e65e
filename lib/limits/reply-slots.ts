// Counts replies being generated per user: those the store reports (e.g. rows with status
// "streaming") plus those reserved in this process between the check and their saved turn.

export class ReplySlots {
  private readonly pending = new Map<string, number>();

  constructor(private readonly countGenerating: (userId: string) => Promise<number>) {}

  /**
   * Reserves a slot for a reply about to start, or null when `max` are already taken. Call the
   * release once the reply's turn is saved (from then on its streaming row counts) or abandoned.
   */
  async reserve(userId: string, max: number): Promise<(() => void) | null> {
    this.add(userId, 1);
    let generating: number;
    try {
      generating = await this.countGenerating(userId);
    } catch (error) {
      this.add(userId, -1);
      throw error;
    }
    if (generating + (this.pending.get(userId) ?? 0) > max) {
      this.add(userId, -1);
      return null;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.add(userId, -1);
    };
  }

  private add(userId: string, delta: number) {
    const count = (this.pending.get(userId) ?? 0) + delta;
    if (count > 0) this.pending.set(userId, count);
    else this.pending.delete(userId);
  }
}
