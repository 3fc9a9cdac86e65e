// Request-rate buckets in Redis, shared by every app instance: a Lua script does bucket.ts's
// arithmetic atomically on Redis's clock, and the key expires once the bucket would be full again.
import type { Redis } from "ioredis";
import type { BucketRule, TakeResult } from "./bucket";
import type { RateLimiter } from "./rate-limiter";

const TAKE = `
local capacity = tonumber(ARGV[1])
local perSecond = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if stored[1] then
  tokens = math.min(capacity, tonumber(stored[1]) + math.max(0, now - tonumber(stored[2])) / 1000 * perSecond)
end
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perSecond * 1000) + 1000)
return {taken, tostring(tokens)}`;

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "claude-chat:rate:",
  ) {}

  async take(key: string, rule: BucketRule): Promise<TakeResult> {
    const [taken, left] = (await this.redis.eval(
      TAKE,
      1,
      this.prefix + key,
      String(rule.capacity),
      String(rule.perSecond),
    )) as [number, string];
    const tokens = Number(left);
    if (taken === 1) return { ok: true, remaining: Math.floor(tokens) };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / rule.perSecond)) };
  }
}
