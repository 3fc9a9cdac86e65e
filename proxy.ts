// Runs before every page. It gives the page a Content-Security-Policy with a fresh nonce (Next.js
// reads the nonce from the request's policy and puts it on its own scripts, so pages render per
// request, which they do anyway: they read the session). And it sends requests without a session
// cookie to /login, except for the sign-in and registration pages and shared conversations (/s/…,
// public to whoever holds the link). It only looks for the cookie: pages and routes verify the
// session themselves (the (chat) layout, requireUserId), and a proxy that decoded and re-issued the
// session on every request could race with sign-out and set the cookie again.
import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/config";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce } from "@/lib/security/csp";

const PUBLIC_PAGES = new Set(["/login", "/login/sso", "/register"]);

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  if (!hasSession && !PUBLIC_PAGES.has(pathname) && !pathname.startsWith("/s/")) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", pathname);
    return NextResponse.redirect(login);
  }
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    allowHttpImages: env().ALLOW_HTTP_IMAGE_URLS,
    dev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:png|svg|ico|webp|jpg|css)$).*)"],
};
