"use client";

import { ImagePlus, Link } from "lucide-react";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { IMAGE_MEDIA_TYPES } from "@/lib/images/limits";
import type { ImageAttachments, ImageItem } from "@/lib/images/use-image-attachments";
import { AttachmentProblems } from "./attachment-problems";

export type { ImageAttachments, ImageItem, PendingImage } from "@/lib/images/use-image-attachments";
export { useImageAttachments } from "@/lib/images/use-image-attachments";

const ACCEPT = IMAGE_MEDIA_TYPES.join(",");
const buttonClass =
  "rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * Attach image (file chooser) and Add image URL, icon buttons in the composer's row; the address field
 * opens in a card above the row (positioned against the composer form).
 */
export function ImageAttachmentControls({ attachments }: { attachments: ImageAttachments }) {
  const t = useTranslations("images");
  const fileInput = useRef<HTMLInputElement>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const [urlOpen, setUrlOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [urlError, setUrlError] = useState<string | null>(null);
  const errorId = useId();

  const submitUrl = () => {
    const error = attachments.addUrl(url);
    setUrlError(error);
    if (error) return urlInput.current?.focus();
    setUrl("");
    setUrlOpen(false);
  };

  // The controls sit inside the composer's form: Enter here must add the URL, never send the message.
  const onUrlKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter") {
      event.preventDefault();
      submitUrl();
    } else if (event.key === "Escape") {
      setUrlOpen(false);
      setUrlError(null);
    }
  };

  return (
    <>
      <IconButton
        label={t("attach")}
        icon={ImagePlus}
        className="@max-[28rem]:size-7"
        onClick={() => fileInput.current?.click()}
      />
      <input
        ref={fileInput}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        onChange={(event) => {
          if (event.target.files) attachments.add(event.target.files);
          event.target.value = ""; // choosing the same file again must fire change again
        }}
      />
      {attachments.allowUrls && (
        <IconButton
          label={t("addUrl")}
          icon={Link}
          aria-expanded={urlOpen}
          className="aria-expanded:bg-zinc-100 dark:aria-expanded:bg-zinc-800 @max-[28rem]:size-7"
          onClick={() => {
            setUrlOpen((open) => !open);
            setUrlError(null);
            requestAnimationFrame(() => urlInput.current?.focus());
          }}
        />
      )}
      {urlOpen && attachments.allowUrls && (
        <span className="absolute bottom-full left-0 z-20 mb-2 flex w-[min(28rem,100%)] flex-wrap items-center gap-2 rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <input
            ref={urlInput}
            type="url"
            inputMode="url"
            aria-label={t("url")}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={urlError ? errorId : undefined}
            placeholder={t("urlPlaceholder")}
            value={url}
            maxLength={4096}
            onChange={(event) => setUrl(event.target.value)}
            onKeyDown={onUrlKeyDown}
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
          />
          <button type="button" className={buttonClass} onClick={submitUrl}>
            {t("add")}
          </button>
          {urlError && (
            <span id={errorId} role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
              {urlError}
            </span>
          )}
        </span>
      )}
    </>
  );
}

/** Thumbnails of the pending images with their state, the estimated image tokens and the limit. */
export function PendingImages({ attachments }: { attachments: ImageAttachments }) {
  const t = useTranslations("images");
  const { items, notice, tokens, maxImages } = attachments;
  if (items.length === 0 && !notice) return null;
  const counted = items.filter((item) => item.status !== "error").length;
  const unknownTokens = items.some((item) => item.status === "ready" && item.tokens === null);

  return (
    <div className="flex flex-col gap-1">
      {items.length > 0 && (
        <div className="flex flex-wrap items-end gap-2">
          <ul className="flex flex-wrap gap-2">
            {items.map((item) => (
              <Thumbnail key={item.key} item={item} onRemove={() => attachments.remove(item.key)} />
            ))}
          </ul>
          <p className="text-xs text-zinc-500 dark:text-zinc-400" data-image-tokens={tokens}>
            {t("tokens", { tokens })}
            {unknownTokens && ` · ${t("tokensUnknown")}`}
            {" · "}
            {t("count", { count: counted, max: maxImages })}
          </p>
        </div>
      )}
      <AttachmentProblems items={items} notice={notice} />
    </div>
  );
}

function Thumbnail({ item, onRemove }: { item: ImageItem; onRemove: () => void }) {
  const t = useTranslations("images");
  const working = item.status === "preparing" || item.status === "uploading";
  return (
    <li
      data-image-status={item.status}
      data-preview-unavailable={item.previewUnavailable ? "" : undefined}
      title={item.name}
      className={`relative size-16 overflow-hidden rounded-md border bg-zinc-100 dark:bg-zinc-800 ${
        item.status === "error" ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"
      }`}
    >
      {item.previewUrl && (
        // biome-ignore lint/performance/noImgElement: a local blob: preview, not an optimisable asset
        <img
          src={item.previewUrl}
          alt={t("thumbnail", { name: item.name })}
          referrerPolicy="no-referrer"
          className={`size-full object-cover ${working ? "opacity-60" : ""}`}
        />
      )}
      {item.previewUnavailable && (
        <span className="absolute inset-0 flex items-center justify-center p-1 text-center text-[10px] leading-tight text-zinc-600 dark:text-zinc-300">
          {t("previewUnavailable")}
        </span>
      )}
      {working && (
        <span className="absolute inset-x-0 bottom-0 bg-black/60 px-1 text-center text-[10px] text-white">
          {item.status === "uploading"
            ? t("uploading", { percent: Math.round(item.progress * 100) })
            : t(item.kind === "url" ? "checkingUrl" : "preparing")}
        </span>
      )}
      <button
        type="button"
        aria-label={t("remove")}
        onClick={onRemove}
        className="absolute top-0.5 right-0.5 flex size-5 items-center justify-center rounded-full bg-black/70 text-xs text-white hover:bg-black"
      >
        ×
      </button>
    </li>
  );
}

/** Both parts stacked, for a composer that has no better place for each. */
export function ImageAttachmentsPanel({ attachments }: { attachments: ImageAttachments }) {
  return (
    <div className="flex flex-col gap-2">
      <PendingImages attachments={attachments} />
      <ImageAttachmentControls attachments={attachments} />
    </div>
  );
}
