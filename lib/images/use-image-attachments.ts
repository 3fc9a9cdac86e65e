"use client";
// The images waiting to be sent with the next message: each file is prepared in the browser
// (lib/images/prepare-browser.ts), uploaded, and then listed as ready with its attachment id.
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useRef } from "react";
import { useErrorText } from "@/lib/i18n/use-error-text";
import { usePendingList } from "@/lib/uploads/use-pending-list";
import {
  type ImageMediaType,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_SIDE,
  MAX_IMAGE_URL_LENGTH,
  MAX_IMAGES_PER_MESSAGE,
} from "./limits";
import { ImagePrepareError } from "./prepare-error";
import { estimateImageTokens } from "./resize";
import { refusalReason, UploadError, uploadImage } from "./upload-browser";
import { checkImageUrl, type ImageUrlProblem } from "./url";

export type PendingImage =
  | {
      key: string;
      kind: "upload";
      attachmentId: string;
      mediaType: ImageMediaType;
      width: number;
      height: number;
      previewUrl: string;
      tokens: number;
    }
  | { key: string; kind: "url"; url: string };

export interface ImageItem {
  key: string;
  kind: "upload" | "url";
  /** The file name, or the URL. */
  name: string;
  status: "preparing" | "uploading" | "ready" | "error";
  /** Upload progress, 0–1. */
  progress: number;
  previewUrl: string | null;
  /** Estimated input tokens; null while unknown. */
  tokens: number | null;
  error: string | null;
  /** Set once the image can be sent. */
  image: PendingImage | null;
  /** An image URL this browser could not load: kept and sent anyway, since Claude fetches it itself. */
  previewUnavailable?: boolean;
}

export interface ImageAttachmentsOptions {
  maxImages?: number;
  /** Long edge after resizing, px (default 1568). */
  maxEdge?: number;
  /** Accept http:// image URLs as well as https://. */
  allowHttp?: boolean;
  /** Offer image URLs at all (default true; a cloud platform that takes inline images only: false). */
  allowUrls?: boolean;
  /** Load each image URL in the browser first, refusing those that do not load (default true). */
  checkUrls?: boolean;
  endpoint?: string;
}

export interface ImageAttachments {
  items: readonly ImageItem[];
  /** The images ready to send, in the order they were added. */
  images: PendingImage[];
  /** Some image is still being prepared, uploaded or checked: wait before sending. */
  busy: boolean;
  tokens: number;
  /** Why the last files were not all added (the per-message limit). */
  notice: string | null;
  maxImages: number;
  allowHttp: boolean;
  allowUrls: boolean;
  /** For chosen, pasted and dropped files. */
  add: (files: Iterable<File> | ArrayLike<File>) => void;
  /** Null when added, else the message saying why not. */
  addUrl: (url: string) => string | null;
  remove: (key: string) => void;
  /** Empties the list and releases the previews: show sent images from attachmentUrl(id). */
  clear: () => void;
}

type Translate = ReturnType<typeof useTranslations>;

const URL_CHECK_TIMEOUT_MS = 20_000;
const MB = 1024 * 1024;
let keyCounter = 0;
const newKey = () => `image-${Date.now().toString(36)}-${(keyCounter++).toString(36)}`;

export function useImageAttachments(options: ImageAttachmentsOptions = {}): ImageAttachments {
  const {
    maxImages = MAX_IMAGES_PER_MESSAGE,
    maxEdge,
    allowHttp = false,
    allowUrls = true,
    checkUrls = true,
    endpoint,
  } = options;
  const t = useTranslations("images");
  const errorText = useErrorText();
  const objectUrls = useRef(new Map<string, string>());
  const { store, items, setItems, patch, track, remove, clear, notice, setNotice } =
    usePendingList<ImageItem>((key) => {
      const url = objectUrls.current.get(key);
      if (url) URL.revokeObjectURL(url);
      objectUrls.current.delete(key);
    });
  // One image is decoded at a time: twenty 12-megapixel photos at once would exhaust memory.
  const prepareQueue = useRef<Promise<unknown>>(Promise.resolve());
  const freeSlots = useCallback(
    () => maxImages - store.current.filter((item) => item.status !== "error").length,
    [maxImages, store],
  );

  const upload = useCallback(
    async (file: File, key: string, signal: AbortSignal) => {
      try {
        const prepared = prepareQueue.current.then(() => {
          if (signal.aborted) throw signal.reason;
          // The decoding and resizing code loads with the first image attached.
          return import("./prepare-browser").then(({ prepareImage }) => prepareImage(file, { maxEdge }));
        });
        prepareQueue.current = prepared.catch(() => undefined);
        const image = await prepared;
        if (signal.aborted) return;
        const previewUrl = URL.createObjectURL(image.blob);
        objectUrls.current.set(key, previewUrl);
        patch(key, {
          status: "uploading",
          previewUrl,
          tokens: estimateImageTokens(image.width, image.height),
        });
        const onProgress = (progress: number) => patch(key, { progress });
        const uploaded = await uploadImage(image.blob, { endpoint, signal, onProgress });
        const { id: attachmentId, mediaType, width, height, tokens } = uploaded;
        const ready: PendingImage = {
          key,
          kind: "upload",
          attachmentId,
          mediaType,
          width,
          height,
          previewUrl,
          tokens,
        };
        patch(key, { status: "ready", progress: 1, tokens, image: ready });
      } catch (error) {
        if (!signal.aborted)
          patch(key, { status: "error", error: describeFailure(error, file.name, t, errorText) });
      }
    },
    [endpoint, maxEdge, patch, t, errorText],
  );

  const add = useCallback(
    (files: Iterable<File> | ArrayLike<File>) => {
      const all = Array.from(files);
      const accepted = all.slice(0, Math.max(0, freeSlots()));
      setNotice(accepted.length < all.length ? t("errors.limit", { max: maxImages }) : null);
      const added = accepted.map((file) => {
        const key = newKey();
        return { file, key, signal: track(key) };
      });
      setItems([
        ...store.current,
        ...added.map(({ file, key }) => newItem(key, "upload", file.name || "image")),
      ]);
      for (const { file, key, signal } of added) void upload(file, key, signal);
    },
    [freeSlots, maxImages, setItems, setNotice, store, t, track, upload],
  );

  const addUrl = useCallback(
    (raw: string): string | null => {
      const check = checkImageUrl(raw, { allowHttp });
      if (!check.ok) return describeUrlProblem(check.problem, allowHttp, t);
      if (freeSlots() <= 0) return t("errors.limit", { max: maxImages });
      const key = newKey();
      const image: PendingImage = { key, kind: "url", url: check.url };
      const item = { ...newItem(key, "url", check.url), previewUrl: check.url };
      setNotice(null);
      if (!checkUrls) {
        setItems([...store.current, { ...item, status: "ready", image }]);
        return null;
      }
      const signal = track(key);
      setItems([...store.current, item]);
      probeImageUrl(check.url, signal).then(
        ({ width, height }) => {
          if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
            const error = t("errors.tooManyPixels", { width, height, max: MAX_IMAGE_SIDE });
            patch(key, { status: "error", error });
          } else {
            patch(key, { status: "ready", tokens: estimateImageTokens(width, height), image });
          }
        },
        () => {
          // Intranet addresses, hotlink protection or an offline browser: Claude may still reach it.
          if (!signal.aborted)
            patch(key, { status: "ready", previewUrl: null, previewUnavailable: true, image });
        },
      );
      return null;
    },
    [allowHttp, checkUrls, freeSlots, maxImages, patch, setItems, setNotice, store, t, track],
  );

  return useMemo(() => {
    const ready = items.filter((item) => item.status === "ready");
    return {
      items,
      images: ready.flatMap((item) => (item.image ? [item.image] : [])),
      busy: items.some((item) => item.status === "preparing" || item.status === "uploading"),
      tokens: ready.reduce((sum, item) => sum + (item.tokens ?? 0), 0),
      notice,
      maxImages,
      allowHttp,
      allowUrls,
      add,
      addUrl,
      remove,
      clear,
    };
  }, [items, notice, maxImages, allowHttp, allowUrls, add, addUrl, remove, clear]);
}

function newItem(key: string, kind: ImageItem["kind"], name: string): ImageItem {
  return {
    key,
    kind,
    name,
    status: "preparing",
    progress: 0,
    previewUrl: null,
    tokens: null,
    error: null,
    image: null,
  };
}

function describeFailure(
  error: unknown,
  name: string,
  t: Translate,
  errorText: ReturnType<typeof useErrorText>,
): string {
  if (error instanceof ImagePrepareError) {
    switch (error.problem) {
      case "svg":
        return t("errors.svg", { name });
      case "not_image":
        return t("errors.notImage", { name });
      case "decode":
        return t("errors.decode", { name });
      case "too_large":
        return t("errors.tooLarge", { name, max: MAX_IMAGE_BYTES / MB });
      case "source_too_large":
        return t("errors.sourceTooLarge", { name });
    }
  }
  if (error instanceof UploadError) {
    if (error.status === 0) return t("errors.network", { name });
    if (error.status === 401) return t("errors.signedOut");
    if (error.status === 413 && error.code !== "quota_exceeded:storage")
      return t("errors.tooLarge", { name, max: MAX_IMAGE_BYTES / MB });
    if (error.status === 415) return t("errors.unsupported", { name });
    // Refused for a reason the server explains (a damaged image, the storage quota, too many uploads).
    if ([400, 413, 429].includes(error.status) && error.code)
      return t("errors.rejected", { name, reason: refusalReason(error, errorText) });
  }
  return t("errors.uploadFailed", { name });
}

function describeUrlProblem(problem: ImageUrlProblem, allowHttp: boolean, t: Translate): string {
  switch (problem) {
    case "empty":
      return t("errors.urlEmpty");
    case "too_long":
      return t("errors.urlTooLong", { max: MAX_IMAGE_URL_LENGTH });
    case "invalid":
      return t("errors.urlInvalid");
    case "scheme":
      return allowHttp ? t("errors.urlSchemeHttp") : t("errors.urlScheme");
    case "credentials":
      return t("errors.urlCredentials");
    case "svg":
      return t("errors.urlSvg");
  }
}

/** Loads the URL as an image in the browser (no cookies sent cross-site, no referrer) to learn its size. */
function probeImageUrl(url: string, signal: AbortSignal): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.referrerPolicy = "no-referrer";
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      image.onload = null;
      image.onerror = null;
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new Error("timed out"))), URL_CHECK_TIMEOUT_MS);
    signal.addEventListener("abort", () => settle(() => reject(signal.reason)), { once: true });
    image.onload = () => settle(() => resolve({ width: image.naturalWidth, height: image.naturalHeight }));
    image.onerror = () => settle(() => reject(new Error("not loaded")));
    image.src = url;
  });
}
