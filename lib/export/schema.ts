// The JSON export format of a conversation (also the import format) and of "export all my data".

import {
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_PDF_BYTES,
  PDF_MEDIA_TYPE,
  TEXT_MEDIA_TYPE,
} from "@/lib/documents/limits";
import { idSchema } from "@/lib/id-schema";
import { IMAGE_MEDIA_TYPES } from "@/lib/images/limits";
import { z } from "@/lib/zod";

export { MAX_IMPORT_BYTES } from "./limits";

export const CONVERSATION_FORMAT = "claude-chat/conversation";
export const ACCOUNT_FORMAT = "claude-chat/account";
export const FORMAT_VERSION = 1;

export const MAX_IMPORT_MESSAGES = 5_000;
export const MAX_IMPORT_ATTACHMENTS = 200;
const MAX_TEXT = 1_000_000;

const id = idSchema;
const count = z.number().int().min(0).max(100_000_000);
const date = z.iso.datetime();

/** One content block: the known fields are checked, unknown block types are kept verbatim. */
export const contentBlockSchema = z.looseObject({
  type: z.string().min(1).max(64),
  text: z.string().max(MAX_TEXT).optional(),
  thinking: z.string().max(MAX_TEXT).optional(),
});

export const exportedMessageSchema = z.object({
  id,
  parentId: id.nullable(),
  role: z.enum(["user", "assistant"]),
  content: z.array(contentBlockSchema).max(500),
  status: z.enum(["done", "stopped", "error"]),
  model: z.string().max(200).nullable(),
  stopReason: z.string().max(100).nullable(),
  errorType: z.string().max(100).nullable(),
  errorMessage: z.string().max(10_000).nullable(),
  /** The error message's values, JSON; absent in files from before they were kept. */
  errorParams: z.string().max(2_000).nullable().default(null),
  inputTokens: count,
  outputTokens: count,
  cacheReadTokens: count,
  cacheWriteTokens: count,
  /** Absent in files from before thinking was shown. */
  thinkingTokens: count.default(0),
  webSearchRequests: count.default(0),
  webFetchRequests: count.default(0),
  costUsd: z.number().min(0).max(1_000_000).nullable(),
  createdAt: date,
});

export const exportedAttachmentSchema = z.object({
  id,
  mediaType: z.enum([...IMAGE_MEDIA_TYPES, PDF_MEDIA_TYPE, TEXT_MEDIA_TYPE]),
  /** The file's bytes, base64 (a PDF may take up to its 30 MB limit). */
  data: z.base64().max(Math.ceil((MAX_PDF_BYTES * 4) / 3) + 4),
  /** A document's file name. */
  name: z.string().max(MAX_DOCUMENT_NAME_LENGTH).optional(),
});

export const exportedConversationSchema = z.object({
  title: z.string().trim().min(1).max(200),
  model: z.string().min(1).max(200),
  systemPrompt: z.string().max(200_000).nullable(),
  createdAt: date,
  updatedAt: date,
  /** The last message of the branch that was on screen (absent in files from before branches). */
  activeLeafId: id.nullable().optional(),
  /** Every branch, oldest first; parents come before their children. */
  messages: z.array(exportedMessageSchema).max(MAX_IMPORT_MESSAGES),
});

export const conversationFileSchema = z.object({
  format: z.literal(CONVERSATION_FORMAT),
  version: z.literal(FORMAT_VERSION),
  exportedAt: date,
  conversation: exportedConversationSchema,
  attachments: z.array(exportedAttachmentSchema).max(MAX_IMPORT_ATTACHMENTS),
});

export type ExportedMessage = z.infer<typeof exportedMessageSchema>;
export type ExportedAttachment = z.infer<typeof exportedAttachmentSchema>;
export type ExportedConversation = z.infer<typeof exportedConversationSchema>;
export type ConversationFile = z.infer<typeof conversationFileSchema>;

export interface AccountFile {
  format: typeof ACCOUNT_FORMAT;
  version: typeof FORMAT_VERSION;
  exportedAt: string;
  user: { email: string; name: string | null; createdAt: string };
  settings: { promptCaching: boolean };
  presets: { name: string; prompt: string; isDefault: boolean; createdAt: string }[];
  conversations: ExportedConversation[];
  attachments: ExportedAttachment[];
}
