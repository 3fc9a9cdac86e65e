// Stamps each request's TCP peer into a header that route handlers and server actions can read (see index.ts).
// Installed once from instrumentation.ts, before the server hands requests to the app.
import http from "node:http";
import { PEER_ADDRESS_HEADER } from "./index";

const INSTALLED = Symbol.for("claude-chat.peer-address");

export function stampPeerAddresses(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]);
  } as typeof emit;
  prototype[INSTALLED] = true;
}
