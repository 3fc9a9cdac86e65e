"use client";

import { useTranslations } from "next-intl";
import { button, buttonSize } from "@/components/ui/button-styles";
import { Modal } from "@/components/ui/modal";
import type { SummaryState } from "./summary-offer";

interface SummaryDialogProps {
  state: SummaryState;
  /** The failure's text when `state` failed. */
  failureText: string | null;
  onSummaryChange: (summary: string) => void;
  onCancel: () => void;
  onStart: () => void;
}

/** The summary being written, then shown for checking before the new chat starts; loaded on demand. */
export default function SummaryDialog({
  state,
  failureText,
  onSummaryChange,
  onCancel,
  onStart,
}: SummaryDialogProps) {
  const t = useTranslations("chat.summary");
  return (
    <Modal title={t("title")} onClose={onCancel} width="40rem">
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("hint")}</p>
      {state.step === "writing" && (
        <p role="status" className="mt-3 text-sm">
          {t("writing")}
        </p>
      )}
      {state.step === "failed" && (
        <p role="alert" data-error-code={state.code} className="mt-3 text-sm text-red-700 dark:text-red-300">
          {failureText}
        </p>
      )}
      {state.step === "ready" && state.unsaved && (
        <p role="alert" data-error-code="storage" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {t("errors.storage")}
        </p>
      )}
      {state.step === "ready" && (
        <label className="mt-3 flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("summary")}</span>
          <textarea
            value={state.summary}
            onChange={(event) => onSummaryChange(event.target.value)}
            rows={12}
            maxLength={50_000}
            className="w-full resize-y rounded-lg border border-zinc-300 bg-transparent px-2.5 py-1.5 text-sm dark:border-zinc-700"
          />
        </label>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" onClick={onCancel} className={`${button.secondary} ${buttonSize.md}`}>
          {t("cancel")}
        </button>
        <button
          type="button"
          disabled={state.step !== "ready" || !state.summary.trim()}
          onClick={onStart}
          className={`${button.primary} ${buttonSize.md}`}
        >
          {t("startNewChat")}
        </button>
      </div>
    </Modal>
  );
}
