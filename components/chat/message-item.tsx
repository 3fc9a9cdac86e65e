"use client";

import { useTranslations } from "next-intl";
import { memo, useRef, useState } from "react";
import { button, buttonSize } from "@/components/ui/button-styles";
import { IconButton } from "@/components/ui/icon-button";
import {
  CheckIcon,
  CopyIcon,
  FileCodeIcon,
  PencilIcon,
  RefreshIcon,
  RotateCcwIcon,
} from "@/components/ui/icons";
import { notify } from "@/components/ui/toast";
import { documentsOf, type ImageBlock, imagesOf, textOf } from "@/lib/chat/content";
import type { ChatErrorInfo } from "@/lib/chat/protocol";
import type { ChatMessage } from "@/lib/chat/view-model";
import { replyMarkdown } from "@/lib/export/markdown";
import { attachmentUrl } from "@/lib/images/limits";
import { MessageBlocks } from "./blocks/message-blocks";
import { useBudgetRefusal } from "./budget-notice";
import { BranchSwitcher, MessageEditor } from "./message-branches";
import { MessageDocuments } from "./message-documents";
import { RetryCountdown, useRateLimitedCause } from "./retry-notice";
import { UsageLine } from "./usage-line";

function CopyButton({ label, copyText }: { label: "copyMessage" | "copyMarkdown"; copyText: () => string }) {
  const t = useTranslations("chat");
  const [copied, setCopied] = useState(false);
  return (
    <IconButton
      icon={copied ? CheckIcon : label === "copyMessage" ? CopyIcon : FileCodeIcon}
      label={t(label)}
      onClick={() => {
        void navigator.clipboard?.writeText(copyText()).then(
          () => {
            setCopied(true);
            notify(t("copied"));
            setTimeout(() => setCopied(false), 1500);
          },
          () => notify(t("copyFailed"), "error"),
        );
      }}
    />
  );
}

/** A reply's text as the reader sees it: rendered, without Markdown syntax. */
function renderedText(container: HTMLElement | null, fallback: string): string {
  const blocks = container?.querySelectorAll<HTMLElement>('[data-block-type="text"]') ?? [];
  const text = [...blocks].map((block) => block.innerText.trim()).filter(Boolean);
  return text.length > 0 ? text.join("\n\n") : fallback;
}

function ErrorNotice({ error, onRetry }: { error: ChatErrorInfo; onRetry?: () => void }) {
  const t = useTranslations("chat.errors");
  const tChat = useTranslations("chat");
  const known = t.has(error.type);
  let cause = known ? t(error.type, { detail: error.message }) : t("unknown", { detail: error.message });
  if (error.type === "rate_limit_error" && error.retryAfterSeconds !== null) {
    cause = t("rate_limit_retry", { seconds: error.retryAfterSeconds });
  }
  if (error.type === "app_error") cause = error.message;
  const rateLimited = useRateLimitedCause();
  if (error.type === "rate_limited") cause = rateLimited(error.params);
  const budgetRefusal = useBudgetRefusal();
  if (error.type === "budget_exceeded") cause = budgetRefusal(error.params, error.message);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <div
        role="alert"
        data-error-code={error.type}
        className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
      >
        {cause}
        {error.requestId && (
          <span className="ml-2 text-xs opacity-75">{t("requestId", { id: error.requestId })}</span>
        )}
      </div>
      {onRetry && (
        <button type="button" onClick={onRetry} className={`${button.secondary} ${buttonSize.sm}`}>
          <RotateCcwIcon aria-hidden="true" className="size-3.5" />
          {tChat("retry")}
        </button>
      )}
    </div>
  );
}

function imageSrc(block: ImageBlock): string | null {
  if (block.source.type === "attachment") return attachmentUrl(block.source.attachment_id);
  if (block.source.type === "url") return block.source.url;
  return null;
}

function MessageImages({ blocks }: { blocks: ImageBlock[] }) {
  const t = useTranslations("chat");
  if (blocks.length === 0) return null;
  return (
    <div className="flex max-w-[85%] flex-wrap justify-end gap-2">
      {[...new Set(blocks.map(imageSrc))].map((src) =>
        src ? (
          // biome-ignore lint/performance/noImgElement: next/image would make our server fetch user-supplied URLs
          <img
            key={src}
            src={src}
            alt={t("imageAlt")}
            referrerPolicy="no-referrer"
            loading="lazy"
            // A fixed box: an image loading above the viewport must not shift what the user is reading.
            className="h-48 w-48 rounded-lg border border-zinc-200 object-cover dark:border-zinc-700"
          />
        ) : null,
      )}
    </div>
  );
}

interface MessageItemProps {
  message: ChatMessage;
  demoMode: boolean;
  /** A reply is being generated: no edits, retries or branch switches meanwhile. */
  busy: boolean;
  onRetry: (id: string) => void;
  onEdit: (id: string, text: string) => Promise<boolean>;
  onSwitchBranch: (id: string) => void;
}

export const MessageItem = memo(function MessageItem({
  message,
  demoMode,
  busy,
  onRetry,
  onEdit,
  onSwitchBranch,
}: MessageItemProps) {
  const t = useTranslations("chat");
  const [editing, setEditing] = useState(false);
  const replyBody = useRef<HTMLDivElement>(null);
  const isAssistant = message.role === "assistant";
  const text = textOf(message.content);
  const streaming = message.status === "streaming";
  const finished = isAssistant && !streaming;
  const saved = !message.id.startsWith("local-");
  const showUsage = finished && (message.status === "done" || message.usage.outputTokens > 0);
  const stopNote =
    message.stopReason &&
    message.stopReason !== "end_turn" &&
    message.stopReason !== "stop_sequence" &&
    t.has(`stopReason.${message.stopReason}`)
      ? t(`stopReason.${message.stopReason}`)
      : null;
  const branches = (
    <BranchSwitcher
      siblingIds={message.siblingIds}
      id={message.id}
      disabled={busy}
      onSwitch={onSwitchBranch}
    />
  );

  return (
    <article
      data-message-role={message.role}
      data-message-status={message.status}
      data-message-id={message.id}
      className={isAssistant ? "flex flex-col gap-1" : "flex flex-col items-end gap-1"}
    >
      <span className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
        {isAssistant ? (demoMode ? t("demoAssistant") : t("assistant")) : t("you")}
      </span>
      {isAssistant ? (
        <div ref={replyBody} className="w-full min-w-0">
          <MessageBlocks content={message.content} streaming={streaming} messageId={message.id} />
          {streaming && message.retry && (
            <RetryCountdown key={message.retry.attempt} notice={message.retry} />
          )}
          {message.status === "stopped" && (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("stopped")}</p>
          )}
          {stopNote && <p className="text-xs text-amber-700 dark:text-amber-400">{stopNote}</p>}
          {message.status === "error" && message.error && (
            <ErrorNotice
              error={message.error}
              onRetry={busy || !saved ? undefined : () => onRetry(message.id)}
            />
          )}
          {finished && (
            <div className="mt-1 -ml-1.5 flex flex-wrap items-center gap-0.5">
              {branches}
              {text && (
                <>
                  <CopyButton label="copyMessage" copyText={() => renderedText(replyBody.current, text)} />
                  <CopyButton label="copyMarkdown" copyText={() => replyMarkdown(message.content)} />
                </>
              )}
              {message.status !== "error" && saved && (
                <IconButton
                  icon={RefreshIcon}
                  label={t("regenerate")}
                  disabled={busy}
                  onClick={() => onRetry(message.id)}
                />
              )}
              {showUsage && <UsageLine usage={message.usage} costUsd={message.costUsd} />}
            </div>
          )}
        </div>
      ) : editing ? (
        <MessageEditor
          initialText={text}
          onCancel={() => setEditing(false)}
          onSubmit={async (edited) => {
            const accepted = await onEdit(message.id, edited);
            if (accepted) setEditing(false);
            return accepted;
          }}
        />
      ) : (
        <>
          <MessageImages blocks={imagesOf(message.content)} />
          <MessageDocuments blocks={documentsOf(message.content)} />
          {text && (
            <div className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800">
              {text}
            </div>
          )}
          <div className="flex items-center gap-0.5">
            {branches}
            {saved && (
              <IconButton
                icon={PencilIcon}
                label={t("edit")}
                disabled={busy}
                onClick={() => setEditing(true)}
              />
            )}
          </div>
        </>
      )}
    </article>
  );
});
