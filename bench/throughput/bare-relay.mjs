// The least a relay in Node can do per event, for bench:throughput's "bare relay" floor: a plain
// node:http server that forwards each POST /v1/messages to the test double and writes every chunk it
// reads straight to its response. No framework, no SSE parsing, no database, no session. Reads the
// upstream with fetch (undici, as the Anthropic SDK does), or with node:http's own client when
// BARE_RELAY_CLIENT=http (the cheapest reader Node has). Prints BARE_RELAY_URL=… once listening.
import { createServer, request as httpRequest } from "node:http";

const upstream = process.env.BARE_RELAY_UPSTREAM;
if (!upstream) throw new Error("BARE_RELAY_UPSTREAM is not set");
const HEADERS = {
  "content-type": "application/json",
  "x-api-key": "bench",
  "anthropic-version": "2023-06-01",
};
const SSE = { "content-type": "text/event-stream", "cache-control": "no-cache" };

async function relayWithFetch(path, body, response) {
  const answer = await fetch(`${upstream}${path}`, { method: "POST", headers: HEADERS, body });
  response.writeHead(answer.status, SSE);
  if (answer.body) for await (const chunk of answer.body) response.write(chunk);
  response.end();
}

function relayWithHttp(path, body, response) {
  const outgoing = httpRequest(`${upstream}${path}`, { method: "POST", headers: HEADERS }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, SSE);
    answer.on("data", (chunk) => response.write(chunk));
    answer.on("end", () => response.end());
  });
  outgoing.end(body);
}

const relay = process.env.BARE_RELAY_CLIENT === "http" ? relayWithHttp : relayWithFetch;

const server = createServer(async (request, response) => {
  const body = [];
  for await (const chunk of request) body.push(chunk);
  await relay(request.url, Buffer.concat(body), response);
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`BARE_RELAY_URL=http://127.0.0.1:${server.address().port}\n`);
});
