import "server-only";
import { attachmentIdsOf, type ContentBlock, parseContent } from "@/lib/chat/content";
import { inspectDocument } from "@/lib/documents/inspect";
import { isDocumentMediaType, PDF_MEDIA_TYPE } from "@/lib/documents/limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type AccountExportSource, accountExportStream } from "@/lib/export/account-stream";
import {
  ACCOUNT_FORMAT,
  type AccountFile,
  CONVERSATION_FORMAT,
  type ConversationFile,
  type ExportedAttachment,
  type ExportedConversation,
  type ExportedMessage,
  FORMAT_VERSION,
} from "@/lib/export/schema";
import type { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { decodeImage } from "@/lib/images/decode";
import { isImageMediaType } from "@/lib/images/limits";
import { checkImageUrl } from "@/lib/images/url";
import { saveDocument, saveImage } from "./attachments";
import { db } from "./client";
import { newId } from "./ids";
import { messageFields } from "./messages";
import { getUserSettings } from "./settings";

// Request ids identify calls on this server's API account: they are not exported.
const { requestId: _requestId, ...exportedMessageFields } = messageFields;

export const conversationFields = {
  title: true,
  model: true,
  systemPrompt: true,
  createdAt: true,
  updatedAt: true,
  activeLeafId: true,
  messages: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: exportedMessageFields,
  },
} satisfies Prisma.ConversationSelect;

type ConversationRow = Prisma.ConversationGetPayload<{ select: typeof conversationFields }>;

export function toExportedConversation(row: ConversationRow): ExportedConversation {
  // A reply still being generated is left out (it has no final content yet); if it ends the branch
  // on screen, the branch is exported up to the question it answers.
  const generating = row.messages.find(
    (message) => message.status === "streaming" && message.id === row.activeLeafId,
  );
  const messages = row.messages.filter((message) => message.status !== "streaming");
  const leafId = generating ? generating.parentId : row.activeLeafId;
  const leafExported = messages.some((message) => message.id === leafId);
  return {
    title: row.title,
    model: row.model,
    systemPrompt: row.systemPrompt,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    activeLeafId: leafExported ? leafId : null,
    messages: messages.map(
      (message) =>
        ({
          ...message,
          content: parseContent(message.content),
          createdAt: message.createdAt.toISOString(),
        }) as ExportedMessage,
    ),
  };
}

export function toExportedAttachment(row: {
  id: string;
  mediaType: string;
  bytes: Uint8Array | null;
  name: string | null;
}): ExportedAttachment | null {
  const { id, mediaType, bytes, name } = row;
  if (!bytes) return null;
  const data = Buffer.from(bytes).toString("base64");
  if (isImageMediaType(mediaType)) return { id, mediaType, data };
  if (isDocumentMediaType(mediaType)) return { id, mediaType, data, ...(name ? { name } : {}) };
  return null;
}

async function exportedAttachments(userId: string, ids: string[]): Promise<ExportedAttachment[]> {
  if (ids.length === 0) return [];
  const rows = await db.attachment.findMany({
    where: { userId, bytes: { not: null }, id: { in: [...new Set(ids)] } },
    select: { id: true, mediaType: true, bytes: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((row) => toExportedAttachment(row) ?? []);
}

const imageIds = (conversation: ExportedConversation) =>
  conversation.messages.flatMap((message) => attachmentIdsOf(message.content as ContentBlock[]));

/** The user's conversation with every branch and its images; null when it is not theirs. */
export async function exportConversation(userId: string, id: string): Promise<ConversationFile | null> {
  const row = await db.conversation.findFirst({ where: { id, userId }, select: conversationFields });
  if (!row) return null;
  const conversation = toExportedConversation(row);
  return {
    format: CONVERSATION_FORMAT,
    version: FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    conversation,
    attachments: await exportedAttachments(userId, imageIds(conversation)),
  };
}

/** Conversations read per query by the account export. */
const CONVERSATIONS_PER_PAGE = 20;

/**
 * Everything stored for the user except the password hash, read as the stream asks for it: the
 * small part now, the conversations a page at a time and the attachments one at a time later. The
 * lists of ids are read now, so that a conversation changed meanwhile is neither skipped nor repeated.
 */
export async function accountExportSource(
  userId: string,
  exportedAt = new Date(),
  pageSize = CONVERSATIONS_PER_PAGE,
): Promise<AccountExportSource> {
  const [user, settings, presets, conversationIds, attachmentIds] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, name: true, createdAt: true },
    }),
    getUserSettings(userId),
    db.preset.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { name: true, prompt: true, isDefault: true, createdAt: true },
    }),
    db.conversation.findMany({
      where: { userId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    }),
    db.attachment.findMany({
      where: { userId, bytes: { not: null } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    }),
  ]);
  return {
    head: {
      format: ACCOUNT_FORMAT,
      version: FORMAT_VERSION,
      exportedAt: exportedAt.toISOString(),
      user: { ...user, createdAt: user.createdAt.toISOString() },
      settings,
      presets: presets.map((preset) => ({ ...preset, createdAt: preset.createdAt.toISOString() })),
    },
    async *conversations() {
      for (let start = 0; start < conversationIds.length; start += pageSize) {
        const ids = conversationIds.slice(start, start + pageSize).map((row) => row.id);
        const rows = await db.conversation.findMany({
          where: { userId, id: { in: ids } },
          select: { id: true, ...conversationFields },
        });
        const byId = new Map(rows.map((row) => [row.id, row]));
        yield ids.flatMap((id) => {
          const row = byId.get(id);
          return row ? [toExportedConversation(row)] : [];
        });
      }
    },
    attachmentIds: attachmentIds.map((row) => row.id),
    async attachment(id) {
      const row = await db.attachment.findFirst({
        where: { id, userId },
        select: { id: true, mediaType: true, bytes: true, name: true },
      });
      return row && toExportedAttachment(row);
    },
  };
}

/** "Export all my data" as a JSON byte stream (see lib/export/account-stream.ts). */
export async function exportAccountStream(userId: string, exportedAt = new Date()) {
  return accountExportStream(await accountExportSource(userId, exportedAt));
}

/** The whole account export as one object: for tests and tools; the route streams it. */
export async function exportAccount(userId: string): Promise<AccountFile> {
  return (await new Response(await exportAccountStream(userId)).json()) as AccountFile;
}

const invalid = (message: string) => new AppError("bad_request:input", message);

/**
 * The file's images, each decoded in full as an upload is, and its documents, checked as uploads are.
 * Images are kept as they are in the file (not re-encoded), so that importing an export gives back
 * the same images: they were re-encoded when uploaded, and are only ever served to their owner.
 */
async function checkedAttachments(attachments: ExportedAttachment[]) {
  const files: { id: string; save: (userId: string) => Promise<{ attachment: { id: string } }> }[] = [];
  for (const [index, attachment] of attachments.entries()) {
    const bytes = new Uint8Array(Buffer.from(attachment.data, "base64"));
    if (isDocumentMediaType(attachment.mediaType)) {
      const checked = await inspectDocument(bytes);
      if (!checked.ok || checked.mediaType !== attachment.mediaType)
        throw invalid(`attachments.${index}: is not a readable ${attachment.mediaType} file`);
      const pages = checked.mediaType === PDF_MEDIA_TYPE ? checked.pages : null;
      const document = { bytes, mediaType: checked.mediaType, name: attachment.name ?? "document", pages };
      files.push({ id: attachment.id, save: (userId) => saveDocument(userId, document) });
      continue;
    }
    const decoded = await decodeImage(bytes);
    if (!decoded.ok) throw invalid(`attachments.${index}: is not a supported image (${decoded.problem})`);
    const { mediaType, width, height } = decoded;
    files.push({
      id: attachment.id,
      save: (userId) => saveImage(userId, { bytes, mediaType, width, height }),
    });
  }
  return files;
}

/** Stores the file's attachments for the user (the same bytes again reuse their row): old id → new id. */
async function importImages(userId: string, attachments: ExportedAttachment[]) {
  const files = await checkedAttachments(attachments);
  const ids = new Map<string, string>();
  for (const { id, save } of files) ids.set(id, (await save(userId)).attachment.id);
  return ids;
}

type ImageSource = { type?: unknown; attachment_id?: unknown; url?: unknown } | undefined;

/**
 * A message's content with its image URLs checked as when sending (the browser shows them and the
 * API fetches them) and its uploaded images pointing at attachments of the file.
 */
function checkedImages(
  content: ExportedMessage["content"],
  fileImageIds: Set<string>,
  allowHttp: boolean,
  where: string,
) {
  return content.map((block) => {
    if (block.type === "document") {
      const source = block.source as ImageSource;
      if (source?.type !== "attachment" || !fileImageIds.has(String(source.attachment_id)))
        throw invalid(`${where}: a document refers to no attachment of the file`);
      return block;
    }
    if (block.type !== "image") return block;
    const source = block.source as ImageSource;
    if (source?.type === "url" && typeof source.url === "string") {
      const check = checkImageUrl(source.url, { allowHttp });
      if (!check.ok)
        throw invalid(`${where}: image URL not accepted (${check.problem}): use an https:// image address.`);
      return { ...block, source: { ...source, url: check.url } };
    }
    if (source?.type !== "attachment" || !fileImageIds.has(String(source.attachment_id)))
      throw invalid(`${where}: an image refers to no attachment of the file`);
    return block;
  });
}

function remapImages(content: ExportedMessage["content"], ids: Map<string, string>) {
  return content.map((block) => {
    const source = block.source as ImageSource;
    if ((block.type !== "image" && block.type !== "document") || source?.type !== "attachment") return block;
    return { ...block, source: { ...source, attachment_id: ids.get(String(source.attachment_id)) } };
  });
}

/** Rows per insert statement: well under SQLite's limit of 32,766 bound values. */
const IMPORT_ROWS_PER_STATEMENT = 500;

/**
 * Creates a new conversation for the user from an export: everything is checked first, then its
 * images are stored, then the rest in one transaction.
 */
export async function importConversation(
  userId: string,
  file: ConversationFile,
  options: { allowHttpImages: boolean } = { allowHttpImages: env().ALLOW_HTTP_IMAGE_URLS },
): Promise<{ id: string }> {
  const { conversation } = file;
  const seen = new Set<string>();
  for (const [index, message] of conversation.messages.entries()) {
    if (seen.has(message.id)) throw invalid(`conversation.messages.${index}.id: is repeated`);
    if (message.parentId !== null && !seen.has(message.parentId)) {
      throw invalid(`conversation.messages.${index}.parentId: must name an earlier message`);
    }
    seen.add(message.id);
  }
  const fileImageIds = new Set(file.attachments.map((attachment) => attachment.id));
  const checked = conversation.messages.map((message, index) => ({
    ...message,
    content: checkedImages(
      message.content,
      fileImageIds,
      options.allowHttpImages,
      `conversation.messages.${index}`,
    ),
  }));
  const imageIdMap = await importImages(userId, file.attachments);
  const messages = checked.map((message) => ({
    ...message,
    content: remapImages(message.content, imageIdMap),
  }));

  // New ids for everything, chosen here so that the rows can be written in a few statements.
  const conversationId = newId();
  const newIds = new Map(messages.map((message) => [message.id, newId()]));
  const rows = messages.map(({ id, parentId, content, createdAt, ...fields }) => ({
    ...fields,
    id: newIds.get(id)!,
    conversationId,
    parentId: parentId === null ? null : newIds.get(parentId)!,
    content: JSON.stringify(content),
    createdAt: new Date(createdAt),
  }));
  const chunks = Array.from({ length: Math.ceil(rows.length / IMPORT_ROWS_PER_STATEMENT) }, (_, index) =>
    rows.slice(index * IMPORT_ROWS_PER_STATEMENT, (index + 1) * IMPORT_ROWS_PER_STATEMENT),
  );
  await db.$transaction([
    db.conversation.create({
      data: {
        id: conversationId,
        userId,
        title: conversation.title,
        model: conversation.model,
        systemPrompt: conversation.systemPrompt,
        // The conversation keeps its dates: restored, it sits where it was in the list.
        createdAt: new Date(conversation.createdAt),
        updatedAt: new Date(conversation.updatedAt),
        activeLeafId: conversation.activeLeafId ? (newIds.get(conversation.activeLeafId) ?? null) : null,
      },
    }),
    // Parents come before their children in the file, so each statement's parents already exist.
    ...chunks.map((chunk) => db.message.createMany({ data: chunk })),
  ]);
  return { id: conversationId };
}
