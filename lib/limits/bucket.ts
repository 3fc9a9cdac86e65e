// Token-bucket arithmetic, free of clocks and storage: a bucket holds up to `capacity` tokens and
// refills continuously at `perSecond`; a request takes one token or is told when one will be there.

export interface BucketRule {
  /** The burst: tokens a full bucket holds (at least 1). */
  capacity: number;
  /** Tokens added per second, up to the capacity. */
  perSecond: number;
}

export interface BucketState {
  tokens: number;
  /** When `tokens` was last computed (ms). */
  at: number;
}

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** A rule allowing `perMinute` requests a minute, scaled, with a whole minute's worth as the burst. */
export function perMinuteRule(perMinute: number, scale = 1): BucketRule {
  const allowance = perMinute * scale;
  return { capacity: Math.max(1, Math.floor(allowance)), perSecond: allowance / 60 };
}

/** The bucket at `now`: refilled for the time since `state.at` (a clock that went back adds nothing). */
export function refill(state: BucketState | undefined, rule: BucketRule, now: number): BucketState {
  if (!state) return { tokens: rule.capacity, at: now };
  const elapsed = Math.max(0, now - state.at) / 1000;
  return { tokens: Math.min(rule.capacity, state.tokens + elapsed * rule.perSecond), at: now };
}

/** Takes one token at `now`; a refusal leaves the bucket as it was (refused requests cost nothing). */
export function takeToken(
  state: BucketState | undefined,
  rule: BucketRule,
  now: number,
): { state: BucketState; result: TakeResult } {
  const current = refill(state, rule, now);
  if (current.tokens >= 1) {
    const tokens = current.tokens - 1;
    return { state: { tokens, at: now }, result: { ok: true, remaining: Math.floor(tokens) } };
  }
  const wait = (1 - current.tokens) / rule.perSecond;
  return { state: current, result: { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) } };
}

/** When the bucket will be full again (ms): until then it must be remembered. */
export function fullAt(state: BucketState, rule: BucketRule): number {
  return state.at + ((rule.capacity - state.tokens) / rule.perSecond) * 1000;
}
