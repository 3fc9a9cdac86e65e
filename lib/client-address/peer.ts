// Stamps each request's TCP peer into a header that route handlers and server actions can read (see index.ts).
// Installed once from instrumentation.ts, before the server hands requests to the app.
import http from "node:http";
import https from "node:https";
import { PEER_ADDRESS_HEADER } from "./index";

const INSTALLED = Symbol.for("claude-chat.peer-address");

type Server = (http.Server | https.Server) & { [INSTALLED]?: true };

export function stampPeerAddresses(): void {
  // https.Server does not inherit from http.Server (next dev --experimental-https uses it).
  for (const prototype of [http.Server.prototype, https.Server.prototype] as Server[]) {
    if (prototype[INSTALLED]) continue;
    const emit = prototype.emit;
    prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
      }
      return Reflect.apply(emit, this, [event, ...args]);
    } as typeof emit;
    prototype[INSTALLED] = true;
  }
}
