import { accumulate } from "./accumulate";
import { envelope, errorCase, errorReply, type HttpReply, invalidRequest, ScenarioError } from "./errors";
import { buildPlan, markerSpec, type PlanContext, parseSpec } from "./scenarios";

type Obj = Record<string, unknown>;

/**
 * The Message Batches API: create, retrieve, list, results (JSONL), cancel, delete. Each item's outcome
 * follows the Messages scenario markers in its last user message: `[[double:error:500]]` (any error
 * status) comes back `errored`, `[[double:expire]]` comes back `expired`, anything else succeeds with the
 * reply and usage a `POST /v1/messages` of the same params would give. A batch ends on its third
 * retrieve (each retrieve finishes a share of its items); the first item's `[[double:batch_polls=N]]`
 * sets that number per batch (0: ended at once). A cancel ends it on the next retrieve, the items not
 * yet done then `canceled`.
 */

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_REQUESTS = 100_000;
const DEFAULT_POLLS_TO_END = 3;
const BATCH_POLLS = /\[\[double:batch_polls=(\d+)\]\]/;

interface BatchRequest {
  custom_id: string;
  params: Obj;
}

interface DoubleBatch {
  id: string;
  createdAt: string;
  endedAt: string | null;
  cancelAt: string | null;
  /** Items done when the cancel came; the rest end `canceled`. */
  doneAtCancel: number;
  polls: number;
  pollsToEnd: number;
  /** JSONL result lines in request order, computed at creation. */
  results: { custom_id: string; result: Obj }[];
}

export interface BatchDeps {
  /** Why a Messages request body is unusable (the /v1/messages validation); undefined when fine. */
  problem(body: unknown, rid: string): HttpReply | undefined;
  context(body: Obj, n: number): PlanContext;
  nextId(): number;
}

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export class BatchStore {
  private readonly batches = new Map<string, DoubleBatch>();

  constructor(private readonly deps: BatchDeps) {}

  clear(): void {
    this.batches.clear();
  }

  /** Routes `/v1/messages/batches…`; undefined when the path is not a batch route. */
  route(method: string, path: string, body: unknown, origin: string, rid: string): HttpReply | undefined {
    if (path === "/v1/messages/batches") {
      if (method === "POST") return this.create(body, origin, rid);
      if (method === "GET") return this.list(origin, rid);
      return undefined;
    }
    const match = /^\/v1\/messages\/batches\/([^/]+)(\/results|\/cancel)?$/.exec(path);
    if (!match?.[1]) return undefined;
    const batch = this.batches.get(decodeURIComponent(match[1]));
    if (!batch) return errorReply(404, "not_found_error", `Message batch not found: ${match[1]}`, rid);
    const route = `${method} ${match[2] ?? ""}`;
    if (route === "GET ") {
      this.poll(batch);
      return json(this.view(batch, origin), rid);
    }
    if (route === "POST /cancel") {
      if (!batch.endedAt && !batch.cancelAt) {
        batch.cancelAt = new Date().toISOString();
        batch.doneAtCancel = this.doneCount(batch);
      }
      return json(this.view(batch, origin), rid);
    }
    if (route === "GET /results") {
      if (!batch.endedAt) return invalidRequest(`Batch ${batch.id} has not ended yet`, rid);
      return {
        status: 200,
        headers: { "content-type": "application/binary", "request-id": rid },
        body: this.lines(batch)
          .map((line) => JSON.stringify(line))
          .join("\n"),
      };
    }
    if (route === "DELETE ") {
      if (!batch.endedAt) return invalidRequest("Batch must have ended to be deleted", rid);
      this.batches.delete(batch.id);
      return json({ id: batch.id, type: "message_batch_deleted" }, rid);
    }
    return undefined;
  }

  private create(body: unknown, origin: string, rid: string): HttpReply {
    const requests = isObj(body) ? body.requests : undefined;
    if (!Array.isArray(requests)) return invalidRequest("requests: Field required", rid);
    if (requests.length === 0) return invalidRequest("requests: List should have at least 1 item", rid);
    if (requests.length > MAX_REQUESTS)
      return invalidRequest(`requests: List should have at most ${MAX_REQUESTS} items`, rid);
    const seen = new Set<string>();
    for (const [i, request] of requests.entries()) {
      if (!isObj(request)) return invalidRequest(`requests.${i}: Input should be an object`, rid);
      const id = request.custom_id;
      if (typeof id !== "string" || !CUSTOM_ID.test(id))
        return invalidRequest(
          `requests.${i}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`,
          rid,
        );
      if (seen.has(id)) return invalidRequest(`Duplicate custom_id: ${id}`, rid);
      seen.add(id);
      if (!isObj(request.params)) return invalidRequest(`requests.${i}.params: Field required`, rid);
      if (request.params.stream === true)
        return invalidRequest(`requests.${i}.params.stream: streaming is not supported in batches`, rid);
      const problem = this.deps.problem(request.params, rid);
      if (problem) {
        const error = (problem.body as { error: { message: string } }).error;
        return invalidRequest(`requests.${i}.params: ${error.message}`, rid);
      }
    }
    const valid = requests as BatchRequest[];
    const firstText = JSON.stringify(valid[0]?.params.messages ?? "");
    const polls = BATCH_POLLS.exec(firstText)?.[1];
    const batch: DoubleBatch = {
      id: `msgbatch_double_${this.deps.nextId()}`,
      createdAt: new Date().toISOString(),
      endedAt: null,
      cancelAt: null,
      doneAtCancel: 0,
      polls: 0,
      pollsToEnd: polls === undefined ? DEFAULT_POLLS_TO_END : Number(polls),
      results: valid.map((r) => ({ custom_id: r.custom_id, result: this.outcome(r.params) })),
    };
    this.batches.set(batch.id, batch);
    if (batch.pollsToEnd === 0) batch.endedAt = batch.createdAt;
    return json(this.view(batch, origin), rid);
  }

  private outcome(params: Obj): Obj {
    const n = this.deps.nextId();
    const marker = markerSpec(params);
    if (marker === "expire") return { type: "expired" };
    try {
      const spec = parseSpec(marker && !marker.startsWith("batch_polls") ? marker : "text");
      if (spec.name === "error") {
        const reply = errorCase(Number(spec.arg), spec.params);
        return { type: "errored", error: reply.body };
      }
      const result = accumulate(buildPlan(spec, this.deps.context(params, n)).events);
      if ("message" in result) return { type: "succeeded", message: result.message };
      return { type: "errored", error: envelope("api_error", "Internal server error", `req_double_${n}`) };
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      return { type: "errored", error: envelope("invalid_request_error", err.message, `req_double_${n}`) };
    }
  }

  /** A retrieve: the batch gets one step nearer its end. */
  private poll(batch: DoubleBatch): void {
    if (batch.endedAt) return;
    batch.polls++;
    if (batch.cancelAt || batch.polls >= batch.pollsToEnd) batch.endedAt = new Date().toISOString();
  }

  /** How many items are done: a share per poll, all once ended. */
  private doneCount(batch: DoubleBatch): number {
    if (batch.endedAt) return batch.results.length;
    if (batch.cancelAt) return batch.doneAtCancel;
    return Math.floor((batch.results.length * batch.polls) / Math.max(1, batch.pollsToEnd));
  }

  /** The result lines as they stand: items a cancel caught still processing are `canceled`. */
  private lines(batch: DoubleBatch): { custom_id: string; result: Obj }[] {
    const done = batch.cancelAt ? batch.doneAtCancel : batch.results.length;
    return batch.results.map((line, i) => (i < done ? line : { ...line, result: { type: "canceled" } }));
  }

  private view(batch: DoubleBatch, origin: string): Obj {
    const counts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    const lines = batch.endedAt ? this.lines(batch) : batch.results.slice(0, this.doneCount(batch));
    for (const line of lines) counts[line.result.type as keyof typeof counts]++;
    counts.processing = batch.results.length - lines.length;
    const expires = new Date(Date.parse(batch.createdAt) + 24 * 3600_000).toISOString();
    return {
      id: batch.id,
      type: "message_batch",
      processing_status: batch.endedAt ? "ended" : batch.cancelAt ? "canceling" : "in_progress",
      request_counts: counts,
      ended_at: batch.endedAt,
      created_at: batch.createdAt,
      expires_at: expires,
      archived_at: null,
      cancel_initiated_at: batch.cancelAt,
      results_url: batch.endedAt ? `${origin}/v1/messages/batches/${batch.id}/results` : null,
    };
  }

  private list(origin: string, rid: string): HttpReply {
    const data = [...this.batches.values()].reverse().map((b) => this.view(b, origin));
    return json(
      { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null },
      rid,
    );
  }
}

function json(body: unknown, rid: string): HttpReply {
  return { status: 200, headers: { "content-type": "application/json", "request-id": rid }, body };
}
