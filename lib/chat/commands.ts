// What a browser may ask of the reply engine, once its request body has been validated
// (app/(chat)/api/chat/schema.ts checks bodies against these shapes).
import type { ToolChoices } from "@/lib/tools/choices";
import type { ReplyParams } from "./request";

interface ReplyChoices {
  model: string;
  params: ReplyParams;
  /** The Tools menu (server tools and connectors); absent: none. */
  tools?: ToolChoices;
}

export type ImageChoice = { kind: "upload"; attachmentId: string } | { kind: "url"; url: string };

/** A new message after the last one on screen (`parentId`), or the first of a new conversation. */
export interface SendCommand extends ReplyChoices {
  kind: "send";
  conversationId?: string;
  presetId?: string | null;
  parentId?: string;
  text: string;
  images: ImageChoice[];
  /** Uploaded PDFs and text files (Attachment ids), sent as document blocks after the images. */
  documents: { attachmentId: string }[];
}

/** An edited copy of a user message (a sibling of it, keeping its images and documents). */
export interface EditCommand extends ReplyChoices {
  kind: "edit";
  messageId: string;
  text: string;
}

/** Another reply to the user turn of `messageId` (retry, regenerate). */
export interface RetryCommand extends ReplyChoices {
  kind: "retry";
  messageId: string;
}

export type ChatCommand = SendCommand | EditCommand | RetryCommand;
