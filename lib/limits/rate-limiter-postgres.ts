// Request-rate buckets in PostgreSQL, shared by every app instance: one row per key, refilled and
// taken from in one statement (bucket.ts's arithmetic in SQL). ON CONFLICT DO UPDATE computes from
// the row as locked, so two instances cannot both take the last token; the database's clock is the
// one clock, so instances whose clocks differ still agree.
import type pg from "pg";
import type { BucketRule, TakeResult } from "./bucket";
import type { RateLimiter } from "./rate-limiter";

// $2 capacity, $3 tokens per second. R: the stored bucket refilled up to now.
const R = "LEAST($2::float8, r.tokens + GREATEST(0, EXCLUDED.at - r.at) / 1000 * $3::float8)";
const LEFT = `(CASE WHEN ${R} >= 1 THEN ${R} - 1 ELSE ${R} END)`;

const TAKE = `
INSERT INTO "RateBucket" AS r (key, tokens, at, "fullAt", taken)
SELECT $1, $2::float8 - 1, now, now + 1000 / $3::float8, true
FROM (SELECT extract(epoch FROM clock_timestamp()) * 1000 AS now) AS clock
ON CONFLICT (key) DO UPDATE SET
  tokens = ${LEFT},
  taken = ${R} >= 1,
  at = EXCLUDED.at,
  "fullAt" = EXCLUDED.at + ($2::float8 - ${LEFT}) / $3::float8 * 1000
RETURNING tokens, taken`;

export class PostgresRateLimiter implements RateLimiter {
  private takes = 0;

  constructor(private readonly pool: pg.Pool) {}

  async take(key: string, rule: BucketRule): Promise<TakeResult> {
    const { rows } = await this.pool.query<{ tokens: number; taken: boolean }>(TAKE, [
      key,
      rule.capacity,
      rule.perSecond,
    ]);
    if (++this.takes % 1000 === 0) void this.forgetFull();
    const tokens = Number(rows[0]?.tokens ?? 0);
    if (rows[0]?.taken) return { ok: true, remaining: Math.floor(tokens) };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / rule.perSecond)) };
  }

  /** A full bucket is the same as none: drop such rows now and then. */
  private async forgetFull() {
    await this.pool
      .query(`DELETE FROM "RateBucket" WHERE "fullAt" < extract(epoch FROM clock_timestamp()) * 1000`)
      .catch(() => {});
  }
}
