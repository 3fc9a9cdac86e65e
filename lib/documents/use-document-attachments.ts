"use client";
// The PDFs and text files waiting to be sent with the next message: each is uploaded as it is
// added (the server checks its content) and listed with its page count and estimated tokens.
import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { useErrorText } from "@/lib/i18n/use-error-text";
import { refusalReason, UploadError, uploadFile } from "@/lib/images/upload-browser";
import { usePendingList } from "@/lib/uploads/use-pending-list";
import { type DocumentMediaType, MAX_DOCUMENTS_PER_MESSAGE } from "./limits";

export interface UploadedDocument {
  id: string;
  kind: "document";
  mediaType: DocumentMediaType;
  name: string;
  pages: number | null;
  size: number;
  tokens: number;
}

export interface DocumentItem {
  key: string;
  name: string;
  status: "uploading" | "ready" | "error";
  progress: number;
  error: string | null;
  document: UploadedDocument | null;
}

export interface DocumentAttachments {
  items: readonly DocumentItem[];
  /** The documents ready to send, in the order they were added. */
  documents: UploadedDocument[];
  busy: boolean;
  tokens: number;
  notice: string | null;
  add: (files: Iterable<File> | ArrayLike<File>) => void;
  remove: (key: string) => void;
  clear: () => void;
}

function isUploadedDocument(value: unknown): value is UploadedDocument {
  const document = value as Partial<UploadedDocument> | null;
  return (
    document?.kind === "document" && typeof document.id === "string" && typeof document.name === "string"
  );
}

let keyCounter = 0;
const newKey = () => `document-${Date.now().toString(36)}-${(keyCounter++).toString(36)}`;

export function useDocumentAttachments(maxDocuments = MAX_DOCUMENTS_PER_MESSAGE): DocumentAttachments {
  const t = useTranslations("documents");
  const errorText = useErrorText();
  const { store, items, setItems, patch, track, remove, clear, notice, setNotice } =
    usePendingList<DocumentItem>();

  const upload = useCallback(
    async (file: File, key: string, signal: AbortSignal) => {
      try {
        const onProgress = (progress: number) => patch(key, { progress });
        const document = await uploadFile(file, file.name, isUploadedDocument, { signal, onProgress });
        patch(key, { status: "ready", progress: 1, document, name: document.name });
      } catch (error) {
        if (!signal.aborted)
          patch(key, { status: "error", error: describeFailure(error, file.name, t, errorText) });
      }
    },
    [patch, t, errorText],
  );

  const add = useCallback(
    (files: Iterable<File> | ArrayLike<File>) => {
      const all = Array.from(files);
      const free = maxDocuments - store.current.filter((item) => item.status !== "error").length;
      const accepted = all.slice(0, Math.max(0, free));
      setNotice(accepted.length < all.length ? t("errors.limit", { max: maxDocuments }) : null);
      const added = accepted.map((file) => {
        const key = newKey();
        return { file, key, signal: track(key) };
      });
      setItems([
        ...store.current,
        ...added.map(({ file, key }) => ({
          key,
          name: file.name || "document",
          status: "uploading" as const,
          progress: 0,
          error: null,
          document: null,
        })),
      ]);
      for (const { file, key, signal } of added) void upload(file, key, signal);
    },
    [maxDocuments, setItems, setNotice, store, t, track, upload],
  );

  return useMemo(() => {
    const documents = items.flatMap((item) =>
      item.status === "ready" && item.document ? [item.document] : [],
    );
    return {
      items,
      documents,
      busy: items.some((item) => item.status === "uploading"),
      tokens: documents.reduce((sum, document) => sum + document.tokens, 0),
      notice,
      add,
      remove,
      clear,
    };
  }, [items, notice, add, remove, clear]);
}

function describeFailure(
  error: unknown,
  name: string,
  t: ReturnType<typeof useTranslations>,
  errorText: ReturnType<typeof useErrorText>,
): string {
  if (error instanceof UploadError) {
    if (error.status === 0) return t("errors.network", { name });
    if (error.status === 401) return t("errors.signedOut");
    // The server names the problem (size, pages, encryption, not text, quota) with the file and the
    // limit it hit; the catalogue words it (lib/uploads/problems.ts).
    if ([400, 413, 415, 429].includes(error.status) && error.code)
      return t("errors.rejected", { reason: refusalReason(error, errorText) });
  }
  return t("errors.uploadFailed", { name });
}
