// The /batches page's calls to /api/batches, with failures reduced to catalogue keys and values.
import { type ApiFailure, at, type RequestOptions, request } from "@/lib/api-client/request";
import type { BatchItemView, BatchView } from "@/lib/batches/view";

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
  requestId?: string;
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

function failure({ code, params, requestId }: ApiFailure): Failure {
  return { key: KEYS[code] ?? "failed", code, values: params, requestId };
}

async function call<T>(path: string, options?: RequestOptions): Promise<Result<T>> {
  const result = await request<T>(path, options);
  return result.ok ? { ok: true, value: result.data } : { ok: false, failure: failure(result.failure) };
}

const post = (body?: unknown): RequestOptions => ({ method: "POST", body });

export const previewBatch = (form: BatchForm) => call<Preview>("/api/batches/preview", post(form));
export const submitBatch = (form: BatchForm) => call<{ id: string }>("/api/batches", post(form));
export const listBatches = () => call<{ batches: BatchView[] }>("/api/batches");
export const batchPage = (id: string, page: number) =>
  call<BatchPage>(`${at("/api/batches", id)}?page=${page}`);
export const cancelBatch = (id: string) => call<null>(`${at("/api/batches", id)}/cancel`, post());
export const deleteBatch = (id: string) => call<null>(at("/api/batches", id), { method: "DELETE" });
export const openItemAsChat = (id: string, itemId: string) =>
  call<{ conversationId: string }>(`${at("/api/batches", id, "items", itemId)}/chat`, post());
