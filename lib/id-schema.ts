import { z } from "@/lib/zod";

/** A row id as it may appear in a URL or a request body (cuid or UUID), checked before any query. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "is not a valid id" });
