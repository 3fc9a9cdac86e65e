// Production hook of the model client: the rate-limit headers of each Messages-API response are
// kept (the latest only) for the admin console. Never delays the reply.
import "server-only";
import { saveRateLimits } from "@/lib/db/rate-limits";
import { parseRateLimits } from "@/lib/model/rate-limits";

export function noteRateLimits(headers: Headers): void {
  const limits = parseRateLimits(headers);
  if (limits) void saveRateLimits(limits);
}
