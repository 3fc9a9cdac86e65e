import { z } from "zod";
import { decodeCursor, MAX_PAGE_SIZE, PAGE_SIZE } from "@/lib/db/conversations";

export const MAX_TITLE_CHARS = 200;

/** `GET /api/conversations?cursor=…&limit=…` */
export const listQuerySchema = z.object({
  cursor: z
    .string()
    .max(200)
    .transform((value, ctx) => {
      const cursor = decodeCursor(value);
      if (!cursor) {
        ctx.addIssue({ code: "custom", message: "is not a valid cursor" });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(PAGE_SIZE),
});

/** `PATCH /api/conversations/<id>` */
export const renameSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(MAX_TITLE_CHARS, { message: `must be at most ${MAX_TITLE_CHARS} characters` }),
});
