// The cloud platforms' doors to the same Messages scenarios: Vertex AI's streamRawPredict path (model in
// the URL, bearer token), Amazon Bedrock's InvokeModel(WithResponseStream) (model in the URL, SigV4,
// answers framed as AWS event stream) and Microsoft Foundry's /anthropic/ prefix (an api-key header).
import type { IncomingHttpHeaders } from "node:http";
import { crc32 } from "node:zlib";
import { errorReply, type HttpReply } from "./errors";

export type Framing = "sse" | "eventstream";
type Obj = Record<string, unknown>;

export type ProviderRoute =
  /** Served as `path` on the Anthropic API, with `body` in its shape; `framing` for streamed answers. */
  | { kind: "forward"; path: string; body: unknown; framing: Framing }
  | { kind: "refuse"; reply: (rid: string) => HttpReply };

const VERTEX =
  /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/anthropic\/models\/([^/:]+):(streamRawPredict|rawPredict)$/;
const BEDROCK = /^\/model\/([^/]+)\/(invoke|invoke-with-response-stream)$/;
const FOUNDRY = /^\/anthropic(\/v1\/.*)$/;

export const VERTEX_VERSION = "vertex-2023-10-16";
export const BEDROCK_VERSION = "bedrock-2023-05-31";

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function refuse(status: number, type: string, message: string): ProviderRoute {
  return { kind: "refuse", reply: (rid) => errorReply(status, type, message, rid) };
}

/** `claude-haiku-4-5@20251001` (Vertex) → `claude-haiku-4-5-20251001`. */
export function vertexToCanonical(model: string): string {
  return model.replace("@", "-");
}

/** `us.anthropic.claude-opus-4-8-v1:0` / `anthropic.claude-haiku-4-5-20251001-v1:0` (Bedrock) → Anthropic's id. */
export function bedrockToCanonical(model: string): string {
  return model.replace(/^(?:[a-z]+\.)?anthropic\./, "").replace(/-v\d+(?::\d+)?$/, "");
}

/** Null: not a platform path (the Anthropic API's own routes handle it). */
export function providerRoute(
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: unknown,
): ProviderRoute | null {
  const auth = String(headers.authorization ?? "");
  const vertex = VERTEX.exec(path);
  if (vertex && method === "POST") {
    if (!/^Bearer \S+$/.test(auth))
      return refuse(401, "authentication_error", "Vertex AI needs a bearer token");
    if (!isObj(body) || body.anthropic_version !== VERTEX_VERSION)
      return refuse(400, "invalid_request_error", `anthropic_version: must be "${VERTEX_VERSION}"`);
    const model = decodeURIComponent(vertex[3] ?? "");
    const { anthropic_version: _, ...rest } = body;
    // Counting names its model in the body; the Messages call only in the URL.
    if (model === "count-tokens")
      return {
        kind: "forward",
        path: "/v1/messages/count_tokens",
        body: { ...rest, model: vertexToCanonical(String(rest.model)) },
        framing: "sse",
      };
    if ("model" in body) return refuse(400, "invalid_request_error", "model: Extra inputs are not permitted");
    return {
      kind: "forward",
      path: "/v1/messages",
      body: { ...rest, model: vertexToCanonical(model), stream: vertex[4] === "streamRawPredict" },
      framing: "sse",
    };
  }
  const bedrock = BEDROCK.exec(path);
  if (bedrock && method === "POST") {
    if (
      !/^AWS4-HMAC-SHA256 Credential=\S+\/bedrock\/aws4_request, SignedHeaders=\S+, Signature=[0-9a-f]{64}$/.test(
        auth,
      )
    )
      return refuse(
        403,
        "permission_error",
        "Bedrock needs a SigV4 Authorization header for service bedrock",
      );
    if (!headers["x-amz-date"]) return refuse(403, "permission_error", "Bedrock needs an X-Amz-Date header");
    if (!isObj(body) || body.anthropic_version !== BEDROCK_VERSION)
      return refuse(400, "invalid_request_error", `anthropic_version: must be "${BEDROCK_VERSION}"`);
    const { anthropic_version: _, ...rest } = body;
    const streamed = bedrock[2] === "invoke-with-response-stream";
    return {
      kind: "forward",
      path: "/v1/messages",
      body: { ...rest, model: bedrockToCanonical(decodeURIComponent(bedrock[1] ?? "")), stream: streamed },
      framing: streamed ? "eventstream" : "sse",
    };
  }
  const foundry = FOUNDRY.exec(path);
  if (foundry?.[1]) {
    const key = headers["api-key"] ?? headers["x-api-key"];
    if (!key) return refuse(401, "authentication_error", "Foundry needs an api-key header");
    return { kind: "forward", path: foundry[1], body, framing: "sse" };
  }
  return null;
}

function header(name: string, value: string): Buffer {
  const key = Buffer.from(name);
  const text = Buffer.from(value);
  const out = Buffer.alloc(4 + key.length + text.length);
  out.writeUInt8(key.length, 0);
  key.copy(out, 1);
  out.writeUInt8(7, 1 + key.length); // 7: string
  out.writeUInt16BE(text.length, 2 + key.length);
  text.copy(out, 4 + key.length);
  return out;
}

/** One message of the AWS event stream encoding: prelude (lengths + CRC), headers, payload, CRC. */
export function eventStreamMessage(headers: Record<string, string>, payload: Buffer): Buffer {
  const head = Buffer.concat(Object.entries(headers).map(([name, value]) => header(name, value)));
  const prelude = Buffer.alloc(12);
  prelude.writeUInt32BE(12 + head.length + payload.length + 4, 0);
  prelude.writeUInt32BE(head.length, 4);
  prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8);
  const message = Buffer.concat([prelude, head, payload]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(message), 0);
  return Buffer.concat([message, crc]);
}

/** A Messages stream event as Bedrock frames it: a `chunk` whose `bytes` are the event's JSON; errors as exceptions. */
export function bedrockFrame(event: { event: string; data: unknown }): Buffer {
  if (event.event === "error") {
    const error = isObj(event.data) && isObj(event.data.error) ? event.data.error : {};
    return eventStreamMessage(
      {
        ":message-type": "exception",
        ":exception-type": "internalServerException",
        ":content-type": "application/json",
      },
      Buffer.from(JSON.stringify({ message: String(error.message ?? "error") })),
    );
  }
  const bytes = Buffer.from(JSON.stringify(event.data)).toString("base64");
  return eventStreamMessage(
    { ":event-type": "chunk", ":content-type": "application/json", ":message-type": "event" },
    Buffer.from(JSON.stringify({ bytes })),
  );
}
