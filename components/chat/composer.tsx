"use client";

import { ArrowUp, Square } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ClipboardEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useShortcut } from "@/components/shortcuts/use-shortcut";
import type { DocumentAttachments } from "@/lib/documents/use-document-attachments";
import { AttachFileButton, PendingDocuments, splitFiles } from "./document-attachments";
import { ImageAttachmentControls, type ImageAttachments, PendingImages } from "./image-attachments";
import { preloadMarkdown } from "./markdown";
import { useEnterSubmit } from "./use-enter-submit";

interface ComposerProps {
  streaming: boolean;
  /** Something else is being sent (an edit, a regenerate, a branch switch): sending waits. */
  waiting?: boolean;
  attachments: ImageAttachments;
  documents: DocumentAttachments;
  onSend: (text: string) => Promise<boolean>;
  onStop: () => void;
  /** Told of every change to the draft (for the context meter). */
  onTextChange?: (text: string) => void;
  /** Shown between the textbox and the toolbar (the context meter). */
  status?: ReactNode;
  /** The draft would not fit the model's context: sending is off. */
  tooLong?: boolean;
  /** Text put in the textbox once given (a draft handed over from another page). */
  prefill?: string | null;
  /** Pickers and settings shown under the textbox. */
  children?: ReactNode;
}

const MAX_HEIGHT_PX = 320;

export function Composer({
  streaming,
  waiting = false,
  attachments,
  documents,
  onSend,
  onStop,
  onTextChange,
  status,
  tooLong = false,
  prefill = null,
  children,
}: ComposerProps) {
  const t = useTranslations("chat");
  const [text, setText] = useState("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => onTextChange?.(text), [onTextChange, text]);

  const grow = useCallback(() => {
    const element = textarea.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, []);

  useEffect(() => {
    if (prefill === null) return;
    setText(prefill);
    requestAnimationFrame(grow);
  }, [prefill, grow]);

  const hasAttachments = attachments.images.length > 0 || documents.documents.length > 0;
  const uploading = attachments.busy || documents.busy;
  const canSend =
    (text.trim().length > 0 || hasAttachments) && !uploading && !streaming && !waiting && !tooLong;
  const addFiles = (files: Iterable<File> | ArrayLike<File>) => {
    const split = splitFiles(files);
    if (split.images.length > 0) attachments.add(split.images);
    if (split.documents.length > 0) documents.add(split.documents);
  };

  const submit = async () => {
    const message = text;
    if (!canSend) return;
    setText("");
    requestAnimationFrame(grow);
    const accepted = await onSend(message);
    if (!accepted) setText((current) => current || message); // never lose what the user typed
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    addFiles(files);
  };

  const enterSubmit = useEnterSubmit(() => void submit());
  useShortcut("focusComposer", () => textarea.current?.focus());
  useShortcut("stop", onStop, streaming);

  return (
    <form
      className="@container relative mx-auto flex w-full max-w-3xl flex-col gap-1.5 rounded-2xl border border-zinc-300 bg-white p-2 shadow-sm max-sm:p-1.5 has-[textarea:focus-visible]:outline-2 has-[textarea:focus-visible]:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900 dark:has-[textarea:focus-visible]:outline-blue-400"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <PendingImages attachments={attachments} />
      <PendingDocuments attachments={documents} />
      <textarea
        ref={textarea}
        aria-label={t("message")}
        placeholder={t("messagePlaceholder")}
        rows={1}
        value={text}
        maxLength={100_000}
        onChange={(event) => {
          setText(event.target.value);
          grow();
          preloadMarkdown();
        }}
        {...enterSubmit}
        onPaste={onPaste}
        className="max-h-80 w-full resize-none bg-transparent px-2 py-1 text-base outline-none"
      />
      {status}
      {/* One row at every width: controls shrink to icons where the composer is narrow, never wrap. */}
      <div data-composer-controls className="flex min-w-0 items-center gap-0.5 @md:gap-1">
        <AttachFileButton onFiles={addFiles} />
        <ImageAttachmentControls attachments={attachments} />
        {children}
        <span className="ml-auto" />
        {streaming ? (
          <button
            type="button"
            aria-label={t("stop")}
            data-tooltip={t("stop")}
            onClick={onStop}
            className={sendButtonClass}
          >
            <Square aria-hidden="true" className="size-3.5 fill-current" />
          </button>
        ) : (
          <button
            type="submit"
            aria-label={t("send")}
            data-tooltip={t("send")}
            disabled={!canSend}
            className={sendButtonClass}
          >
            <ArrowUp aria-hidden="true" className="size-4" strokeWidth={2.5} />
          </button>
        )}
      </div>
    </form>
  );
}

const sendButtonClass =
  "inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-900 text-white hover:bg-zinc-700 disabled:bg-zinc-300 disabled:text-zinc-500 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300 dark:disabled:bg-zinc-700 dark:disabled:text-zinc-400 @max-[28rem]:size-7";
