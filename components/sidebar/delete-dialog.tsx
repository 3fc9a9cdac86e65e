"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { deleteConversation } from "./api";
import type { ConversationSummary } from "./pages";

/** Asks before deleting; `onClose` gets whether the conversation was deleted. */
export function DeleteDialog({
  conversation,
  onClose,
}: {
  conversation: ConversationSummary;
  onClose: (deleted: boolean) => void;
}) {
  const t = useTranslations("nav");
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  async function confirm() {
    setBusy(true);
    setFailed(false);
    const deleted = await deleteConversation(conversation.id);
    setBusy(false);
    if (deleted) onClose(true);
    else setFailed(true);
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="delete-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="delete-dialog-title" className="font-semibold">
        {t("deleteTitle")}
      </h2>
      <p className="mt-2 break-words text-sm">{t("confirmDelete", { title: conversation.title })}</p>
      {failed && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {t("deleteFailed")}
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          onClick={() => onClose(false)}
          className="rounded-md px-3 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          {t("cancel")}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={confirm}
          className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50"
        >
          {t("delete")}
        </button>
      </div>
    </dialog>
  );
}
