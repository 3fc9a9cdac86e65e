import type { NextRequest } from "next/server";

/**
 * The request as the browser addressed it, for Auth.js's route handler. Next.js reports a route
 * handler's URL with its own idea of the host (loopback addresses become "localhost"), while
 * Auth.js's server actions take the origin from the Host / X-Forwarded-* headers. Single sign-on
 * needs both to agree: the redirect URI sent to the identity provider when signing in must be sent
 * again, unchanged, with the code from the callback. A plain Request, since a NextRequest would
 * normalise the host again.
 */
export function asAddressed(request: NextRequest): Request {
  const first = (name: string) => request.headers.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? first("host");
  const protocol = (first("x-forwarded-proto") ?? request.nextUrl.protocol).replace(/:$/, "");
  if (!host || !/^https?$/.test(protocol)) return request;
  const origin = `${protocol}://${host}`;
  if (!URL.canParse(origin) || new URL(origin).origin !== origin) return request;
  const url = new URL(request.url);
  return new Request(`${origin}${url.pathname}${url.search}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
}
