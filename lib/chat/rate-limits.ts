// Production hook of the model client: the rate-limit headers of each Messages-API response are
// kept (the latest only) for the admin console. Never delays the reply. At most one write a second:
// under load every response would otherwise cost a statement; the latest report is never lost.
import "server-only";
import { saveRateLimits } from "@/lib/db/rate-limits";
import { parseRateLimits, type RateLimitSnapshot } from "@/lib/model/rate-limits";

const WRITE_EVERY_MS = 1000;

let lastWrite = 0;
let pending: RateLimitSnapshot | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function writePending() {
  timer = null;
  if (!pending) return;
  lastWrite = Date.now();
  void saveRateLimits(pending);
  pending = null;
}

export function noteRateLimits(headers: Headers): void {
  const limits = parseRateLimits(headers);
  if (!limits) return;
  pending = limits;
  if (timer) return;
  const wait = lastWrite + WRITE_EVERY_MS - Date.now();
  if (wait <= 0) writePending();
  else timer = setTimeout(writePending, wait);
}
