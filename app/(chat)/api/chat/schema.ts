import { z } from "zod";
import { MIN_THINKING_BUDGET, THINKING_CHOICES } from "@/lib/chat/thinking";
import { MAX_DOCUMENTS_PER_MESSAGE } from "@/lib/documents/limits";
import { idSchema } from "@/lib/id-schema";
import { MAX_IMAGE_URL_LENGTH, MAX_IMAGES_PER_MESSAGE } from "@/lib/images/limits";
import { toolChoicesSchema } from "@/lib/tools/choices";

export const MAX_MESSAGE_CHARS = 100_000;

export const replyParamsSchema = z
  .object({
    maxTokens: z.number().int().min(1).max(128_000).optional(),
    thinking: z.enum(THINKING_CHOICES).optional(),
    thinkingBudget: z.number().int().min(MIN_THINKING_BUDGET).max(127_999).optional(),
    temperature: z.number().min(0).max(1).optional(),
    topP: z.number().gt(0).max(1).optional(),
    topK: z.number().int().min(1).max(1000).optional(),
    stopSequences: z.array(z.string().min(1).max(200)).max(8).optional(),
    citations: z.boolean().optional(),
  })
  .strict();

const common = {
  model: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._:@/-]+$/, { message: "is not a valid model id" }),
  params: replyParamsSchema.default({}),
  tools: toolChoicesSchema.optional(),
};

const messageText = z
  .string()
  .max(MAX_MESSAGE_CHARS, { message: `must be at most ${MAX_MESSAGE_CHARS} characters` });

const imageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("upload"), attachmentId: idSchema }),
  z.object({ kind: z.literal("url"), url: z.string().min(1).max(MAX_IMAGE_URL_LENGTH) }),
]);

export const sendSchema = z
  .object({
    kind: z.literal("send"),
    conversationId: idSchema.optional(),
    /** For a new conversation: the preset whose prompt it keeps a copy of. */
    presetId: idSchema.nullable().optional(),
    /** In a conversation: the last message on screen, which the new one follows (default: the active branch's end). */
    parentId: idSchema.optional(),
    text: messageText,
    images: z
      .array(imageSchema)
      .max(MAX_IMAGES_PER_MESSAGE, { message: `at most ${MAX_IMAGES_PER_MESSAGE} images per message` })
      .default([]),
    documents: z
      .array(z.object({ attachmentId: idSchema }))
      .max(MAX_DOCUMENTS_PER_MESSAGE, {
        message: `at most ${MAX_DOCUMENTS_PER_MESSAGE} documents per message`,
      })
      .default([]),
    ...common,
  })
  .refine((body) => body.text.trim().length > 0 || body.images.length > 0 || body.documents.length > 0, {
    message: "must not be empty",
    path: ["text"],
  });

export const retrySchema = z.object({
  kind: z.literal("retry"),
  /** The assistant reply to replace with a new attempt (a sibling of it). */
  messageId: idSchema,
  ...common,
});

export const editSchema = z.object({
  kind: z.literal("edit"),
  /** The user message to replace with an edited copy (a sibling of it; its images and documents are kept). */
  messageId: idSchema,
  text: messageText,
  ...common,
});

export const chatRequestSchema = z.union([sendSchema, editSchema, retrySchema]);
export type ChatRequest = z.infer<typeof chatRequestSchema>;
