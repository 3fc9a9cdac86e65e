// The /batches page's calls to /api/batches, with failures reduced to catalogue keys and values.
import type { BatchItemView, BatchView } from "@/lib/batches/view";
import { isErrorBody } from "@/lib/errors";

export interface BatchForm {
  name?: string;
  model: string;
  systemPrompt?: string;
  presetId?: string;
  maxTokens: number;
  template: string;
  format: "lines" | "csv" | "jsonl";
  text: string;
  textColumn?: string;
}

export interface Preview {
  itemCount: number;
  columns: string[];
  textColumn: string;
  estimateUsd: number | null;
  samples: string[];
}

export interface BatchPage {
  batch: BatchView;
  columns: string[];
  page: number;
  pageSize: number;
  items: BatchItemView[];
}

/** A failure as the catalogue says it: `batches.errors.<key>` filled with `values`. */
export interface Failure {
  key: string;
  code: string;
  values: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

const KEYS: Record<string, string> = {
  budget_exceeded: "budget_exceeded",
  "bad_request:batch_items": "items",
  "bad_request:input": "input",
  "bad_request:model": "model",
  "upstream:batch": "upstream",
  "not_found:batch": "notFound",
  "conflict:batch": "conflict",
  "payload_too_large:input": "tooLarge",
  "unavailable:batches": "unavailable",
  "unauthorized:auth": "signedOut",
};

function failure(body: unknown): Failure {
  if (!isErrorBody(body)) return { key: "failed", code: "internal:server", values: {} };
  const { code, params = {} } = body.error;
  return { key: KEYS[code] ?? "failed", code, values: params };
}

async function call<T>(path: string, init?: RequestInit): Promise<Result<T>> {
  try {
    const response = await fetch(path, init);
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : null;
    return response.ok ? { ok: true, value: body as T } : { ok: false, failure: failure(body) };
  } catch {
    return { ok: false, failure: { key: "failed", code: "internal:server", values: {} } };
  }
}

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export const previewBatch = (form: BatchForm) => call<Preview>("/api/batches/preview", json(form));
export const submitBatch = (form: BatchForm) => call<{ id: string }>("/api/batches", json(form));
export const listBatches = () => call<{ batches: BatchView[] }>("/api/batches", { cache: "no-store" });
export const batchPage = (id: string, page: number) =>
  call<BatchPage>(`/api/batches/${encodeURIComponent(id)}?page=${page}`, { cache: "no-store" });
export const cancelBatch = (id: string) =>
  call<null>(`/api/batches/${encodeURIComponent(id)}/cancel`, { method: "POST" });
export const deleteBatch = (id: string) =>
  call<null>(`/api/batches/${encodeURIComponent(id)}`, { method: "DELETE" });
export const openItemAsChat = (id: string, itemId: string) =>
  call<{ conversationId: string }>(
    `/api/batches/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}/chat`,
    { method: "POST" },
  );
