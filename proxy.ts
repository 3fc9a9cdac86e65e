// Sends page requests without a session cookie to /login. It only looks for the cookie: pages and
// routes verify the session themselves (the (chat) layout, requireUserId), and a proxy that decoded
// and re-issued the session on every request could race with sign-out and set the cookie again.
import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/config";

export default function proxy(request: NextRequest) {
  if (request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!api/|_next/|login|register|favicon.ico|.*\\.(?:png|svg|ico|webp|jpg)$).*)"],
};
