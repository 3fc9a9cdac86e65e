// Browser only: posts one prepared image (or any file) to the attachments route, reporting upload progress
// (fetch cannot report request progress, XMLHttpRequest can).
import { isErrorBody } from "@/lib/errors";
import type { ImageMediaType } from "./limits";

export interface UploadedImage {
  id: string;
  mediaType: ImageMediaType;
  width: number;
  height: number;
  size: number;
  tokens: number;
}

export class UploadError extends Error {
  /** `status` 0 means the server could not be reached. */
  constructor(
    readonly status: number,
    message: string,
    /** The server's error code, e.g. `quota_exceeded:storage`. */
    readonly code?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/**
 * Why the server refused the file, in the reader's words (`errorText`: lib/i18n/use-error-text): the
 * catalogue message of the problem the server named (lib/uploads/problems.ts), else of its code.
 * The server's English `message` is never shown.
 */
export function refusalReason(
  error: UploadError,
  errorText: (failure: { code: string; params: Record<string, string | number> }) => string,
): string {
  return errorText({ code: error.code ?? `http_${error.status}`, params: error.params });
}

export interface UploadOptions {
  endpoint?: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export function uploadImage(blob: Blob, options: UploadOptions = {}): Promise<UploadedImage> {
  return uploadFile(blob, "image", isUploadedImage, options);
}

/** Posts one file (images, PDFs, text files) as multipart `file`; resolves with the server's answer. */
export function uploadFile<T>(
  blob: Blob,
  fileName: string,
  isAnswer: (value: unknown) => value is T,
  options: UploadOptions = {},
): Promise<T> {
  const { endpoint = "/api/attachments", signal, onProgress } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", endpoint);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300 && isAnswer(body)) return resolve(body);
      const error = isErrorBody(body) ? body.error : undefined;
      reject(new UploadError(xhr.status || 500, error?.message ?? "", error?.code, error?.params));
    };
    xhr.onerror = () => reject(new UploadError(0, ""));
    xhr.onabort = () => reject(signal?.reason ?? new DOMException("Upload aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("file", blob, fileName);
    xhr.send(form);
  });
}

function isUploadedImage(value: unknown): value is UploadedImage {
  const image = value as Partial<UploadedImage> | null;
  return (
    typeof image?.id === "string" &&
    typeof image.mediaType === "string" &&
    typeof image.width === "number" &&
    typeof image.height === "number" &&
    typeof image.tokens === "number"
  );
}
