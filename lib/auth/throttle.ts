// Failed sign-in throttling with a growing delay, in this process's memory (several instances share
// the same rules in PostgreSQL or Redis instead: sign-in-gate*.ts). Keys are (email, address) and
// address alone, never the email alone: failures from elsewhere must not lock the owner out of their account.

export interface BackoffRule {
  /** Failures allowed before the first wait. */
  freeFailures: number;
  /** The wait after the last free failure; it doubles with each further failure… */
  firstDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** Failures are forgotten once the wait is over and this long passes without another. */
  forgetAfterMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const SIGN_IN_RULES = {
  /** 5 failures, then 30 s, 1, 2, 4, 8 min, then 15 min per further failure. */
  emailAndAddress: {
    freeFailures: 5,
    firstDelayMs: 30 * SECOND,
    maxDelayMs: 15 * MINUTE,
    forgetAfterMs: 15 * MINUTE,
  },
  /** Looser: one address trying many emails (password spraying), or a household behind one NAT. */
  address: {
    freeFailures: 30,
    firstDelayMs: 30 * SECOND,
    maxDelayMs: 15 * MINUTE,
    forgetAfterMs: 15 * MINUTE,
  },
} satisfies Record<string, BackoffRule>;

const MAX_TRACKED_KEYS = 50_000;

interface Failures {
  count: number;
  last: number;
}

export function delayAfter(failures: number, rule: BackoffRule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.firstDelayMs * 2 ** (failures - rule.freeFailures), rule.maxDelayMs);
}

export class BackoffThrottle {
  private readonly store = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string, rule: BackoffRule): number {
    const failures = this.current(key, rule);
    if (!failures) return 0;
    return Math.max(0, failures.last + delayAfter(failures.count, rule) - this.now());
  }

  recordFailure(key: string, rule: BackoffRule): void {
    const count = (this.current(key, rule)?.count ?? 0) + 1;
    this.store.delete(key); // re-inserted last: the Map's order is then least recently failed first
    this.store.set(key, { count, last: this.now() });
    if (this.store.size > MAX_TRACKED_KEYS) {
      const oldestKey = this.store.keys().next().value;
      if (oldestKey !== undefined) this.store.delete(oldestKey);
    }
  }

  /** Takes back one recorded failure (an attempt counted up front that turned out to succeed). */
  forgiveOne(key: string): void {
    const failures = this.store.get(key);
    if (failures && failures.count > 1) failures.count -= 1;
    else this.store.delete(key);
  }

  clear(key: string): void {
    this.store.delete(key);
  }

  private current(key: string, rule: BackoffRule): Failures | undefined {
    const failures = this.store.get(key);
    if (failures && this.now() > failures.last + delayAfter(failures.count, rule) + rule.forgetAfterMs) {
      this.store.delete(key);
      return undefined;
    }
    return failures;
  }
}

const globalForThrottle = globalThis as unknown as { signInThrottle?: BackoffThrottle };
export const signInThrottle = globalForThrottle.signInThrottle ?? new BackoffThrottle();
globalForThrottle.signInThrottle = signInThrottle;

function signInKeys(email: string, addressGroup: string) {
  return { pair: `pair:${addressGroup}:${email}`, address: `address:${addressGroup}` };
}

/**
 * Called before a password is checked: the wait in ms when this attempt is refused, else 0. An
 * attempt let through counts as a failure until `signInSucceeded`, so that parallel guesses cannot
 * all pass the check before the first one fails.
 */
export function beginSignIn(email: string, addressGroup: string, throttle = signInThrottle): number {
  const keys = signInKeys(email, addressGroup);
  const wait = Math.max(
    throttle.retryAfterMs(keys.pair, SIGN_IN_RULES.emailAndAddress),
    throttle.retryAfterMs(keys.address, SIGN_IN_RULES.address),
  );
  if (wait > 0) return wait;
  throttle.recordFailure(keys.pair, SIGN_IN_RULES.emailAndAddress);
  throttle.recordFailure(keys.address, SIGN_IN_RULES.address);
  return 0;
}

export function signInSucceeded(email: string, addressGroup: string, throttle = signInThrottle): void {
  const keys = signInKeys(email, addressGroup);
  throttle.clear(keys.pair);
  throttle.forgiveOne(keys.address);
}
