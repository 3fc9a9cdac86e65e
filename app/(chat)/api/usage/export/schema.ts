import { z } from "zod";
import { timeZoneSchema } from "@/lib/usage/period";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)");

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD[&tz=Area/City]`: whole days, both included, in `tz` (default UTC). */
export const exportQuerySchema = z.object({
  from: day,
  to: day,
  tz: timeZoneSchema.default("UTC"),
});
