// Failed sign-in throttling per email and per client IP, in this process's memory.
// One instance is enough for a single-process deployment; a shared store can replace `store`.

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

export const SIGN_IN_RULES = {
  email: { maxFailures: 5, windowMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000 },
} satisfies Record<string, ThrottleRule>;

const MAX_TRACKED_KEYS = 50_000;

export class FailureThrottle {
  private readonly store = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string, rule: ThrottleRule): number {
    const recent = this.recentFailures(key, rule);
    if (recent.length < rule.maxFailures) return 0;
    const oldestCounted = recent[recent.length - rule.maxFailures] ?? this.now();
    return Math.max(0, oldestCounted + rule.windowMs - this.now());
  }

  recordFailure(key: string, rule: ThrottleRule): void {
    const recent = this.recentFailures(key, rule);
    recent.push(this.now());
    this.store.delete(key);
    this.store.set(key, recent.slice(-rule.maxFailures));
    if (this.store.size > MAX_TRACKED_KEYS) {
      const oldestKey = this.store.keys().next().value;
      if (oldestKey !== undefined) this.store.delete(oldestKey);
    }
  }

  clear(key: string): void {
    this.store.delete(key);
  }

  private recentFailures(key: string, rule: ThrottleRule): number[] {
    const cutoff = this.now() - rule.windowMs;
    return (this.store.get(key) ?? []).filter((time) => time > cutoff);
  }
}

const globalForThrottle = globalThis as unknown as { signInThrottle?: FailureThrottle };
export const signInThrottle = globalForThrottle.signInThrottle ?? new FailureThrottle();
globalForThrottle.signInThrottle = signInThrottle;

/** The client's address as the reverse proxy reports it ("unknown" when served directly). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

/** How long this email from this address must wait before trying again (0: it may try now). */
export function signInWaitMs(email: string, ip: string): number {
  return Math.max(
    signInThrottle.retryAfterMs(`email:${email}`, SIGN_IN_RULES.email),
    signInThrottle.retryAfterMs(`ip:${ip}`, SIGN_IN_RULES.ip),
  );
}

export function recordSignInFailure(email: string, ip: string): void {
  signInThrottle.recordFailure(`email:${email}`, SIGN_IN_RULES.email);
  signInThrottle.recordFailure(`ip:${ip}`, SIGN_IN_RULES.ip);
}

export function clearSignInFailures(email: string): void {
  signInThrottle.clear(`email:${email}`);
}
