"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { button, buttonSize } from "@/components/ui/button-styles";
import { Modal } from "@/components/ui/modal";
import { deleteConversation } from "./api";
import type { ConversationSummary } from "./pages";

/** Asks before deleting; `onClose` gets whether the conversation was deleted. Loaded on demand. */
export default function DeleteDialog({
  conversation,
  onClose,
}: {
  conversation: ConversationSummary;
  onClose: (deleted: boolean) => void;
}) {
  const t = useTranslations("nav");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function confirm() {
    setBusy(true);
    setFailed(false);
    const deleted = await deleteConversation(conversation.id);
    setBusy(false);
    if (deleted) onClose(true);
    else setFailed(true);
  }

  return (
    <Modal title={t("deleteTitle")} onClose={() => onClose(false)} width="26rem">
      <p className="mt-2 break-words text-sm text-zinc-700 dark:text-zinc-300">
        {t("confirmDelete", { title: conversation.title })}
      </p>
      {failed && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {t("deleteFailed")}
        </p>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <button
          type="button"
          onClick={() => onClose(false)}
          className={`${button.secondary} ${buttonSize.md}`}
        >
          {t("cancel")}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={confirm}
          className={`${button.destructive} ${buttonSize.md}`}
        >
          {t("delete")}
        </button>
      </div>
    </Modal>
  );
}
