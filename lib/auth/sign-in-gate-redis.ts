// Failed sign-ins in Redis, shared by every instance: one Lua script decides an attempt atomically
// (throttle.ts's rules on Redis's clock); keys expire once their failures would be forgotten.
import type { Redis } from "ioredis";
import { gateKeys, type SignInGate } from "./sign-in-gate";

const DELAY = `
local function delay(count, free, first, max)
  if count < free then return 0 end
  return math.min(first * 2 ^ (count - free), max)
end`;

// ARGV: per key, its rule (freeFailures, firstDelayMs, maxDelayMs, forgetAfterMs).
const BEGIN = `${DELAY}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local counts = {}
local wait = 0
for i = 1, #KEYS do
  local free, first, max, forget = tonumber(ARGV[i*4-3]), tonumber(ARGV[i*4-2]), tonumber(ARGV[i*4-1]), tonumber(ARGV[i*4])
  local stored = redis.call('HMGET', KEYS[i], 'count', 'last')
  local count = tonumber(stored[1]) or 0
  if count > 0 then
    local ends = tonumber(stored[2]) + delay(count, free, first, max)
    if now > ends + forget then count = 0 else wait = math.max(wait, ends - now) end
  end
  counts[i] = count
end
if wait > 0 then return math.ceil(wait) end
for i = 1, #KEYS do
  local free, first, max, forget = tonumber(ARGV[i*4-3]), tonumber(ARGV[i*4-2]), tonumber(ARGV[i*4-1]), tonumber(ARGV[i*4])
  local count = counts[i] + 1
  redis.call('HSET', KEYS[i], 'count', count, 'last', now)
  redis.call('PEXPIRE', KEYS[i], math.ceil(delay(count, free, first, max) + forget) + 1000)
end
return 0`;

const SUCCEEDED = `
redis.call('DEL', KEYS[1])
local count = tonumber(redis.call('HGET', KEYS[2], 'count') or '0')
if count > 1 then redis.call('HINCRBY', KEYS[2], 'count', -1) else redis.call('DEL', KEYS[2]) end
return 0`;

export class RedisSignInGate implements SignInGate {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "claude-chat:sign-in:",
  ) {}

  async begin(email: string, addressGroup: string): Promise<number> {
    const keys = gateKeys(email, addressGroup);
    const args = keys.flatMap(([, rule]) =>
      [rule.freeFailures, rule.firstDelayMs, rule.maxDelayMs, rule.forgetAfterMs].map(String),
    );
    const wait = await this.redis.eval(
      BEGIN,
      keys.length,
      ...keys.map(([key]) => this.prefix + key),
      ...args,
    );
    return Number(wait);
  }

  async succeeded(email: string, addressGroup: string): Promise<void> {
    const keys = gateKeys(email, addressGroup).map(([key]) => this.prefix + key);
    await this.redis.eval(SUCCEEDED, 2, ...keys);
  }
}
