import { z } from "zod";
import { idSchema } from "@/lib/id-schema";
import { MAX_INPUT_CHARS } from "./parse";
import { MAX_TEMPLATE_CHARS } from "./template";

/** A new batch as the /batches form sends it (for the preview and for the submission). */
export const batchInputSchema = z.object({
  name: z.string().max(200).optional(),
  model: z.string().min(1).max(200),
  systemPrompt: z.string().max(100_000).optional(),
  presetId: idSchema.optional(),
  maxTokens: z.number().int().min(1).max(64_000).default(1024),
  template: z.string().max(MAX_TEMPLATE_CHARS).default("{{text}}"),
  format: z.enum(["lines", "csv", "jsonl"]),
  text: z.string().min(1).max(MAX_INPUT_CHARS),
  textColumn: z.string().max(200).optional(),
});

export type BatchInput = z.infer<typeof batchInputSchema>;
