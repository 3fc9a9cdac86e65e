"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
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
export type SummaryState =
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

// Loaded when first opened: Radix's dialog stays off the first load.
const SummaryDialog = lazy(() => import("./summary-dialog"));

/**
 * The over-limit alert's way out: a summary of this conversation, written by a small model and
 * shown (editable) before a new chat starts with it and the message the user had typed.
 */
export function SummaryOffer({ conversationId, message }: { conversationId: string; message: string }) {
  const t = useTranslations("chat.summary");
  const errorText = useErrorText();
  const router = useRouter();
  const [state, setState] = useState<SummaryState>({ step: "closed" });
  const request = useRef<AbortController | null>(null);
  const open = state.step !== "closed";

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
        <Suspense fallback={null}>
          <SummaryDialog
            state={state}
            failureText={state.step === "failed" ? failure(state) : null}
            onSummaryChange={(summary) => setState({ step: "ready", summary })}
            onCancel={close}
            onStart={startNewChat}
          />
        </Suspense>
      )}
    </>
  );
}
