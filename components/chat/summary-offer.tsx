"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { summarize } from "@/lib/api-client/chat";
import type { ApiFailure } from "@/lib/api-client/request";
import { draftFromSummary, saveNewChatDraft } from "@/lib/chat/summary-draft";
import { useErrorText } from "@/lib/i18n/use-error-text";

/** Server codes with a message of their own in the catalogue (chat.summary.errors). */
const ERROR_KEYS = {
  "unavailable:summary": "off",
  "upstream:summary": "failed",
  "rate_limited:chat": "rateLimited",
  "bad_request:input": "empty",
  "not_found:conversation": "notFound",
} as const;

type Failure = Pick<ApiFailure, "code" | "params" | "requestId">;
type State =
  | { step: "closed" }
  | { step: "writing" }
  | { step: "ready"; summary: string; unsaved?: boolean }
  | ({ step: "failed" } & Failure);

async function fetchSummary(
  conversationId: string,
  signal: AbortSignal,
): Promise<{ summary: string } | Failure> {
  const result = await summarize(conversationId, signal);
  if (!result.ok) return result.failure;
  if (typeof result.data?.summary === "string") return { summary: result.data.summary };
  return { code: "upstream:summary", params: {} };
}

/**
 * The over-limit alert's way out: a summary of this conversation, written by a small model and
 * shown (editable) before a new chat starts with it and the message the user had typed.
 */
export function SummaryOffer({ conversationId, message }: { conversationId: string; message: string }) {
  const t = useTranslations("chat.summary");
  const errorText = useErrorText();
  const router = useRouter();
  const [state, setState] = useState<State>({ step: "closed" });
  const dialog = useRef<HTMLDialogElement>(null);
  const request = useRef<AbortController | null>(null);
  const open = state.step !== "closed";

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
  }, [open]);
  useEffect(() => () => request.current?.abort(), []);

  const start = async () => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setState({ step: "writing" });
    const answer = await fetchSummary(conversationId, controller.signal);
    if (controller.signal.aborted) return;
    setState(
      "summary" in answer ? { step: "ready", summary: answer.summary } : { step: "failed", ...answer },
    );
  };

  const close = () => {
    request.current?.abort();
    dialog.current?.close();
    setState({ step: "closed" });
  };

  const startNewChat = () => {
    if (state.step !== "ready") return;
    // Without storage the new chat would open empty: stay here, where the message still is.
    if (!saveNewChatDraft(draftFromSummary(t("draftIntro"), state.summary, message)))
      return setState({ ...state, unsaved: true });
    close();
    router.push("/");
  };

  const failure = (failed: Failure) => {
    if (failed.code === "connection_error") return t("errors.connection");
    const key = ERROR_KEYS[failed.code as keyof typeof ERROR_KEYS];
    return key ? t(`errors.${key}`) : errorText(failed);
  };

  return (
    <>
      <button
        type="button"
        onClick={() => void start()}
        disabled={state.step === "writing"}
        className="ml-2 rounded-md border border-red-300 px-2 py-0.5 text-xs font-medium text-red-800 hover:bg-red-50 disabled:opacity-50 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950"
      >
        {t("offer")}
      </button>
      {open && (
        <dialog
          ref={dialog}
          aria-labelledby="summary-dialog-title"
          onCancel={(event) => {
            event.preventDefault();
            close();
          }}
          className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <h2 id="summary-dialog-title" className="font-semibold">
            {t("title")}
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("hint")}</p>
          {state.step === "writing" && (
            <p role="status" className="mt-3 text-sm">
              {t("writing")}
            </p>
          )}
          {state.step === "failed" && (
            <p
              role="alert"
              data-error-code={state.code}
              className="mt-3 text-sm text-red-700 dark:text-red-300"
            >
              {failure(state)}
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
                onChange={(event) => setState({ step: "ready", summary: event.target.value })}
                rows={12}
                maxLength={50_000}
                className="w-full resize-y rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
              />
            </label>
          )}
          <div className="mt-4 flex justify-end gap-2">
            <button
              type="button"
              onClick={close}
              className="rounded-md px-3 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              {t("cancel")}
            </button>
            <button
              type="button"
              disabled={state.step !== "ready" || !state.summary.trim()}
              onClick={startNewChat}
              className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40 dark:bg-zinc-100 dark:text-zinc-900"
            >
              {t("startNewChat")}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
