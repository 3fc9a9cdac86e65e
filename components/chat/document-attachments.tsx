"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { DOCUMENT_ACCEPT } from "@/lib/documents/limits";
import type { DocumentAttachments } from "@/lib/documents/use-document-attachments";
import { IMAGE_MEDIA_TYPES } from "@/lib/images/limits";
import { AttachmentProblems } from "./attachment-problems";

/** Images go to the image pipeline (resized in the browser); everything else is uploaded as a document. */
export function splitFiles(files: Iterable<File> | ArrayLike<File>): { images: File[]; documents: File[] } {
  const images: File[] = [];
  const documents: File[] = [];
  for (const file of Array.from(files)) (file.type.startsWith("image/") ? images : documents).push(file);
  return { images, documents };
}

/** Every type the composer takes, for the file chooser and the drop overlay. */
export const ATTACH_ACCEPT = [...IMAGE_MEDIA_TYPES, DOCUMENT_ACCEPT].join(",");

/** The composer's "Attach file" (+) button: one chooser for images, PDFs and text files. */
export function AttachFileButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const t = useTranslations("documents");
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <IconButton
        label={t("attach")}
        icon={Plus}
        className="@max-[28rem]:size-7"
        onClick={() => input.current?.click()}
      />
      <input
        ref={input}
        type="file"
        accept={ATTACH_ACCEPT}
        multiple
        hidden
        onChange={(event) => {
          if (event.target.files) onFiles([...event.target.files]);
          event.target.value = ""; // choosing the same file again must fire change again
        }}
      />
    </>
  );
}

/** Chips of the pending documents: name, pages, estimated tokens, upload state and a remove button. */
export function PendingDocuments({ attachments }: { attachments: DocumentAttachments }) {
  const t = useTranslations("documents");
  const { items, notice } = attachments;
  if (items.length === 0 && !notice) return null;
  return (
    <div className="flex flex-col gap-1">
      {items.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {items.map((item) => (
            <li
              key={item.key}
              data-document-status={item.status}
              aria-label={t("chip", { name: item.name })}
              className={`flex max-w-72 items-center gap-2 rounded-md border px-2 py-1 text-sm ${
                item.status === "error" ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"
              }`}
            >
              <span className="truncate font-medium" title={item.name}>
                {item.name}
              </span>
              <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">
                {item.status === "uploading" && t("uploading", { percent: Math.round(item.progress * 100) })}
                {item.document?.pages ? `${t("pages", { pages: item.document.pages })} · ` : ""}
                {item.document && (
                  <span data-document-tokens={item.document.tokens}>
                    {t("tokens", { tokens: item.document.tokens })}
                  </span>
                )}
              </span>
              <button
                type="button"
                aria-label={t("remove")}
                onClick={() => attachments.remove(item.key)}
                className="flex size-5 shrink-0 items-center justify-center rounded-full hover:bg-zinc-200 dark:hover:bg-zinc-700"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <AttachmentProblems items={items} notice={notice} />
    </div>
  );
}
