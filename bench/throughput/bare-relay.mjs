// The least a relay in Node can do per event, for bench:throughput's "bare relay" floor: a plain
// node:http server that forwards each POST /v1/messages to the test double with fetch (undici, as
// the Anthropic SDK does) and writes every chunk it reads straight to its response. No framework, no
// SSE parsing, no database, no session. Prints BARE_RELAY_URL=… once listening.
import { createServer } from "node:http";

const upstream = process.env.BARE_RELAY_UPSTREAM;
if (!upstream) throw new Error("BARE_RELAY_UPSTREAM is not set");

const server = createServer(async (request, response) => {
  const body = [];
  for await (const chunk of request) body.push(chunk);
  const answer = await fetch(`${upstream}${request.url}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "bench", "anthropic-version": "2023-06-01" },
    body: Buffer.concat(body),
  });
  response.writeHead(answer.status, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  if (answer.body) for await (const chunk of answer.body) response.write(chunk);
  response.end();
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`BARE_RELAY_URL=http://127.0.0.1:${server.address().port}\n`);
});
