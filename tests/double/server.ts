import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type Accumulated, accumulate } from "./accumulate";
import { BatchStore } from "./batches";
import { citationsProblem } from "./citations";
import {
  errorCase,
  errorReply,
  type HttpReply,
  invalidRequest,
  modelNotFound,
  ScenarioError,
  statusForErrorType,
} from "./errors";
import { fileSourceProblem, parseUpload } from "./file-sources";
import { readSseFixture } from "./fixtures";
import { credentialHash, credentialOf, KeyRules } from "./keys";
import { findModel, isAcceptedModel, listModels } from "./models";
import { bedrockFrame, type Framing, providerRoute } from "./providers";
import { requestProblem } from "./rules";
import {
  buildPlan,
  type DoubleFile,
  intParam,
  lastUserText,
  markerSpec,
  type Plan,
  parseSpec,
  type ScenarioSpec,
} from "./scenarios";
import { betasOf } from "./server-tools";
import { eventBoundaries, formatEvent, parseSse, sleep, splitAt } from "./sse";
import { countBreakpoints, estimateInputTokens, PromptCache } from "./tokens";

export interface RecordedRequest {
  method: string;
  /** Request target as sent, query string included. */
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the raw text; null when empty. */
  body: unknown;
  receivedAt: number;
  /**
   * The connection: "open" while the response is being written, "finished" once it was, "closed"
   * when it closed before that (the client aborted, or a scenario cut it), at `closedAt`.
   */
  connection: "open" | "finished" | "closed";
  closedAt: number | null;
  /** A hash of the request's key (see keys.ts), null without one: tests compare it with their key's. */
  credentialHash: string | null;
}

export interface DoubleHandle {
  url: string;
  port: number;
  /** Every API request in arrival order (control routes under /__double/ are not recorded). */
  requests: RecordedRequest[];
  /** Keys the double refuses (401 / 403); see keys.ts. */
  keys: KeyRules;
  /** Forgets recorded requests, queued scenarios, cached prompt prefixes, the files scenarios made and key rules. */
  reset(): void;
  close(): Promise<void>;
}

type Obj = Record<string, unknown>;

interface State {
  requests: RecordedRequest[];
  queue: string[];
  served: Map<string, number>;
  cache: PromptCache;
  /** Files handed out by scenarios (code execution output), by id, for the Files API routes. */
  files: Map<string, StoredFile>;
  batches: BatchStore;
  keys: KeyRules;
  counter: number;
  reset(): void;
}

interface StoredFile extends DoubleFile {
  createdAt: string;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const SPLIT_GAP_MS = 15;
const REDACTED_HEADERS = new Set(["x-api-key", "api-key", "authorization"]);

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export async function startDouble(opts: { port?: number; host?: string } = {}): Promise<DoubleHandle> {
  const host = opts.host ?? "127.0.0.1";
  const state: State = {
    requests: [],
    queue: [],
    served: new Map(),
    cache: new PromptCache(),
    files: new Map(),
    batches: new BatchStore({
      problem: (body, rid) => validate(body, true, [])?.(rid),
      context: (body, n) => ({ n, body, model: String(body.model), cache: state.cache }),
      nextId: () => ++state.counter,
    }),
    keys: new KeyRules(),
    counter: 0,
    reset() {
      state.keys.clear();
      state.batches.clear();
      state.requests.length = 0;
      state.queue.length = 0;
      state.served.clear();
      state.cache.clear();
      state.files.clear();
    },
  };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(state, req, res).catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else
        send(res, errorReply(500, "api_error", `Test double failed: ${String(err)}`, "req_double_failure"));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    requests: state.requests,
    keys: state.keys,
    reset: state.reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Streams left open by `stall` (and idle keep-alive sockets) would keep close() waiting.
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function handle(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://double");
  let path = url.pathname;
  const { raw, text, size } = await readBody(req);
  const tooLarge = size > MAX_BODY_BYTES;
  const upload = req.method === "POST" && path === "/v1/files";
  let body = tooLarge || upload ? `<${size} bytes>` : parseJson(text);

  if (path.startsWith("/__double/")) return control(state, req.method ?? "", url, body, res);
  const recorded: RecordedRequest = {
    method: req.method ?? "",
    path: req.url ?? "/",
    headers: recordedHeaders(req),
    body,
    receivedAt: Date.now(),
    connection: "open",
    closedAt: null,
    credentialHash: credentialHash(credentialOf(req.headers)),
  };
  state.requests.push(recorded);
  res.on("close", () => {
    recorded.connection = res.writableFinished ? "finished" : "closed";
    recorded.closedAt = Date.now();
  });

  const n = ++state.counter;
  const rid = `req_double_${n}`;
  if (tooLarge) return send(res, errorCase(413, new URLSearchParams()));
  const keyRefusal = state.keys.refusal(credentialOf(req.headers), rid);
  if (keyRefusal) return send(res, keyRefusal);
  const platform = providerRoute(req.method ?? "", path, req.headers, body);
  if (platform?.kind === "refuse") return send(res, platform.reply(rid));
  let framing: Framing = "sse";
  if (platform) ({ path, body, framing } = platform);
  if (req.method === "POST" && path === "/v1/messages") return messages(state, req, res, body, n, framing);
  if (upload) return uploadFile(state, raw, String(req.headers["content-type"] ?? ""), res, rid);
  if (req.method === "POST" && path === "/v1/messages/count_tokens") {
    const problem =
      validate(body, false, betasOf(req.headers["anthropic-beta"])) ??
      filesProblem(state, body, betasOf(req.headers["anthropic-beta"]));
    if (problem) return send(res, problem(rid));
    return send(res, json({ input_tokens: estimateInputTokens(body) }, rid));
  }
  if (req.method === "GET" && path === "/v1/models") return send(res, listModels(url.searchParams, rid));
  const modelPath = /^\/v1\/models\/([^/]+)$/.exec(path);
  if (req.method === "GET" && modelPath?.[1]) {
    const id = decodeURIComponent(modelPath[1]);
    const model = findModel(id);
    return send(res, model ? json(model, rid) : modelNotFound(id, rid));
  }
  if (path.startsWith("/v1/messages/batches")) {
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const reply = state.batches.route(req.method ?? "", path, body, origin, rid);
    if (reply) return send(res, reply);
  }
  const filePath = /^\/v1\/files\/([^/]+)(\/content)?$/.exec(path);
  if (filePath?.[1])
    return files(state, req.method ?? "", decodeURIComponent(filePath[1]), !!filePath[2], res, rid);
  send(res, errorReply(404, "not_found_error", "Not Found", rid));
}

/** `POST /v1/files`: stores the multipart `file` part and answers its metadata. */
async function uploadFile(state: State, raw: Buffer, contentType: string, res: ServerResponse, rid: string) {
  const file = await parseUpload(raw, contentType);
  if (!file) return send(res, invalidRequest("file: Field required", rid));
  const id = `file_double_${++state.counter}`;
  const createdAt = new Date().toISOString();
  state.files.set(id, { id, ...file, createdAt });
  const metadata = {
    id,
    type: "file",
    filename: file.filename,
    mime_type: file.mimeType,
    size_bytes: file.content.length,
    created_at: createdAt,
    downloadable: false,
  };
  send(res, json(metadata, rid));
}

function filesProblem(state: State, body: unknown, betas: readonly string[]) {
  if (!isObj(body)) return undefined;
  const problem = fileSourceProblem(body, betas, (id) => state.files.has(id));
  return problem === undefined ? undefined : (rid: string) => invalidRequest(problem, rid);
}

/**
 * The Files API for the files scenarios hand out and the files uploaded: `GET /v1/files/{id}` (metadata),
 * `GET /v1/files/{id}/content` (the bytes) and `DELETE /v1/files/{id}`. Requests may carry the
 * `files-api-2025-04-14` beta or no beta at all (SDK 1.12 calls the API generally available).
 */
function files(state: State, method: string, id: string, content: boolean, res: ServerResponse, rid: string) {
  const route = `${method} ${content ? "content" : "metadata"}`;
  if (!["GET content", "GET metadata", "DELETE metadata"].includes(route)) {
    return send(res, errorReply(404, "not_found_error", "Not Found", rid));
  }
  const file = state.files.get(id);
  if (!file) return send(res, errorReply(404, "not_found_error", `File not found: ${id}`, rid));
  if (method === "DELETE") {
    state.files.delete(id);
    return send(res, json({ id, type: "file_deleted" }, rid));
  }
  if (!content) {
    return send(
      res,
      json(
        {
          id: file.id,
          type: "file",
          filename: file.filename,
          mime_type: file.mimeType,
          size_bytes: file.content.length,
          created_at: file.createdAt,
          downloadable: true,
        },
        rid,
      ),
    );
  }
  res.writeHead(200, {
    "content-type": file.mimeType,
    "content-length": String(file.content.length),
    "content-disposition": `attachment; filename="${file.filename}"`,
    "request-id": rid,
  });
  res.end(file.content);
}

const TINY_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

function control(state: State, method: string, url: URL, body: unknown, res: ServerResponse) {
  const route = `${method} ${url.pathname}`;
  if (route === "GET /__double/requests") {
    const only = url.searchParams.get("path");
    const list = only ? state.requests.filter((r) => r.path.split("?")[0] === only) : state.requests;
    return send(res, json(list, "req_double_control"));
  }
  if (route === "GET /__double/image.png") {
    // An image for tests of URL image blocks: the browser loads it, the API would fetch it.
    res.writeHead(200, { "content-type": "image/png", "access-control-allow-origin": "*" });
    res.end(Buffer.from(TINY_PNG_BASE64, "base64"));
    return;
  }
  if (route === "POST /__double/keys") {
    if (!state.keys.add(body))
      return send(
        res,
        invalidRequest('Expected {"invalid": [key, …], "forbidden": [key, …]}', "req_double_control"),
      );
    return send(res, json({ ok: true }, "req_double_control"));
  }
  if (route === "POST /__double/reset") {
    state.reset();
    return send(res, json({ ok: true }, "req_double_control"));
  }
  if (route === "POST /__double/queue") {
    const specs = isObj(body) ? body.scenarios : undefined;
    if (!Array.isArray(specs) || !specs.every((s) => typeof s === "string")) {
      return send(res, invalidRequest('Expected {"scenarios": ["spec", …]}', "req_double_control"));
    }
    try {
      for (const spec of specs) parseSpec(spec);
    } catch (err) {
      if (err instanceof ScenarioError) return send(res, invalidRequest(err.message, "req_double_control"));
      throw err;
    }
    state.queue.push(...specs);
    return send(res, json({ queued: state.queue.length }, "req_double_control"));
  }
  send(res, errorReply(404, "not_found_error", `No double control route ${route}`, "req_double_control"));
}

/** Why the body is unusable, as a reply factory; undefined when it is fine. */
function validate(
  body: unknown,
  needsMaxTokens: boolean,
  betas: readonly string[],
): ((rid: string) => HttpReply) | undefined {
  const bad = (message: string) => (rid: string) => invalidRequest(message, rid);
  if (!isObj(body)) return bad("There was an error parsing the body of your request: expected a JSON object");
  if (typeof body.model !== "string") return bad("model: Field required");
  if (!Array.isArray(body.messages)) return bad("messages: Field required");
  if (needsMaxTokens && typeof body.max_tokens !== "number") return bad("max_tokens: Field required");
  const breakpoints = countBreakpoints(body);
  if (breakpoints > 4) {
    return bad(`A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints}.`);
  }
  const model = body.model;
  if (!isAcceptedModel(model)) return (rid) => modelNotFound(model, rid);
  const problem = requestProblem(body, { maxTokens: needsMaxTokens, betas }) ?? citationsProblem(body);
  return problem === undefined ? undefined : bad(problem);
}

/**
 * `times=N`: the scenario applies to the first N requests carrying the same spec and last user
 * message, then plain `text` answers (e.g. "429 once, then success" across the SDK's retries).
 */
function limitTimes(state: State, spec: ScenarioSpec, body: Obj): ScenarioSpec {
  const times = spec.params.get("times");
  if (times === null) return spec;
  const key = `${spec.raw}\u0000${lastUserText(body)}`;
  const served = state.served.get(key) ?? 0;
  state.served.set(key, served + 1);
  return served < Number(times) ? spec : parseSpec("text");
}

async function messages(
  state: State,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  n: number,
  framing: Framing,
) {
  const rid = `req_double_${n}`;
  const obj = isObj(body) ? body : {};
  const header = req.headers["x-double-scenario"];
  try {
    const spec = limitTimes(
      state,
      parseSpec(state.queue.shift() ?? (typeof header === "string" ? header : markerSpec(obj)) ?? "text"),
      obj,
    );
    if (spec.name === "error") return send(res, errorCase(Number(spec.arg), spec.params));
    const betas = betasOf(req.headers["anthropic-beta"]);
    const problem = validate(body, true, betas) ?? filesProblem(state, body, betas);
    if (problem) return send(res, problem(rid));
    const stream = obj.stream === true;
    const delay = intParam(spec.params, "delay", 0);
    if (spec.name === "fixture") return await replayFixture(res, spec, stream, delay, rid, framing);
    const plan = buildPlan(spec, {
      n,
      body: obj,
      model: String(obj.model),
      cache: state.cache,
      betas,
      file: (id) => state.files.get(id),
    });
    const createdAt = new Date().toISOString();
    for (const file of plan.files ?? []) state.files.set(file.id, { ...file, createdAt });
    return await (stream ? streamPlan(res, plan, delay, rid, framing) : answerPlan(res, plan, delay, rid));
  } catch (err) {
    if (err instanceof ScenarioError && !res.headersSent) return send(res, invalidRequest(err.message, rid));
    throw err;
  }
}

async function streamPlan(
  res: ServerResponse,
  plan: Plan,
  delay: number,
  rid: string,
  framing: Framing,
): Promise<void> {
  res.writeHead(200, streamHeaders(rid, framing));
  const chunks: (string | Buffer)[] =
    framing === "eventstream" ? plan.events.map(bedrockFrame) : plan.events.map(formatEvent);
  if (!(await writeChunks(res, chunks, delay))) return;
  if (plan.ending === "end") res.end();
  else if (plan.ending === "drop") {
    await sleep(20); // let the client read the deltas before the connection dies
    res.socket?.destroy();
  }
  // "stall": keep the response open until the client goes away or close() destroys the socket.
}

async function answerPlan(res: ServerResponse, plan: Plan, delay: number, rid: string): Promise<void> {
  if (plan.ending === "stall") return;
  if (plan.ending === "drop") {
    res.socket?.destroy();
    return;
  }
  if (delay > 0) await sleep(delay);
  answerAccumulated(res, accumulate(plan.events), rid);
}

function answerAccumulated(res: ServerResponse, result: Accumulated, rid: string) {
  if ("message" in result) return send(res, json(result.message, rid));
  const error = (result.error.error ?? {}) as Obj;
  const type = String(error.type);
  send(res, errorReply(statusForErrorType(type), type, String(error.message), rid));
}

/**
 * Replays a recorded transcript byte for byte. `split=a,b,…` (default for japanese_text) writes the
 * bytes as separate network chunks cut at those offsets, so one UTF-8 character can straddle two reads.
 */
async function replayFixture(
  res: ServerResponse,
  spec: ScenarioSpec,
  stream: boolean,
  delay: number,
  rid: string,
  framing: Framing,
) {
  const raw = readSseFixture(spec.arg);
  if (!stream) return answerAccumulated(res, accumulate(parseSse(raw.toString("utf8"))), rid);
  if (framing === "eventstream") {
    res.writeHead(200, streamHeaders(rid, framing));
    const frames = parseSse(raw.toString("utf8")).map(bedrockFrame);
    if (await writeChunks(res, frames, delay)) res.end();
    return;
  }
  const split = spec.params.get("split") ?? (spec.arg === "japanese_text" ? "533,927,1071" : null);
  const offsets = split ? split.split(",").map((o) => Number(o)) : [];
  if (offsets.some((o) => !Number.isInteger(o) || o < 0)) {
    throw new ScenarioError(`Scenario param split must be byte offsets like 533,927, got "${split}"`);
  }
  if (delay > 0) offsets.push(...eventBoundaries(raw));
  res.writeHead(200, streamHeaders(rid));
  if (await writeChunks(res, splitAt(raw, offsets), delay || (split ? SPLIT_GAP_MS : 0))) res.end();
}

/** Writes chunks with a pause between them; false when the client went away first. */
async function writeChunks(
  res: ServerResponse,
  chunks: (string | Buffer)[],
  gapMs: number,
): Promise<boolean> {
  for (const [i, chunk] of chunks.entries()) {
    if (res.destroyed || res.socket?.destroyed) return false;
    res.write(chunk);
    if (gapMs > 0 && i < chunks.length - 1) await sleep(gapMs);
  }
  return !res.destroyed;
}

let requestsServed = 0;

/** What the real API reports on every Messages response: the organisation's limits, remaining and reset. */
function rateLimitHeaders(): Record<string, string> {
  requestsServed++;
  const reset = new Date(Math.ceil(Date.now() / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const limit = (kind: string, max: number, used: number) => ({
    [`anthropic-ratelimit-${kind}-limit`]: String(max),
    [`anthropic-ratelimit-${kind}-remaining`]: String(Math.max(0, max - used)),
    [`anthropic-ratelimit-${kind}-reset`]: reset,
  });
  return {
    ...limit("requests", 4000, requestsServed % 4000),
    ...limit("input-tokens", 2_000_000, 1000),
    ...limit("output-tokens", 400_000, 200),
  };
}

function streamHeaders(rid: string, framing: Framing = "sse"): Record<string, string> {
  return {
    "content-type":
      framing === "eventstream" ? "application/vnd.amazon.eventstream" : "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "request-id": rid,
    ...rateLimitHeaders(),
  };
}

function json(body: unknown, rid: string): HttpReply {
  return { status: 200, headers: { "content-type": "application/json", "request-id": rid }, body };
}

function send(res: ServerResponse, reply: HttpReply): void {
  res.writeHead(reply.status, reply.headers);
  // A string body is already the wire text (the JSONL of batch results).
  res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
}

async function readBody(req: IncomingMessage): Promise<{ raw: Buffer; text: string; size: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  return { raw, text: raw.toString("utf8"), size };
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function recordedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = REDACTED_HEADERS.has(name)
      ? redacted(name, String(value))
      : Array.isArray(value)
        ? value.join(", ")
        : value;
  }
  return headers;
}

/** Secrets replaced; an Authorization header keeps its scheme (and SigV4 its scope) for tests to check. */
function redacted(name: string, value: string): string {
  if (name !== "authorization") return "<redacted>";
  const sigv4 = /^AWS4-HMAC-SHA256 Credential=[^/]+(\/[^,]+),/.exec(value);
  if (sigv4) return `AWS4-HMAC-SHA256 Credential=<redacted>${sigv4[1]} <redacted>`;
  return `${value.split(" ")[0]} <redacted>`;
}
