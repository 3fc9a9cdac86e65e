// Signed-out page requests go to /login. API routes answer 401 JSON themselves (requireUserId).
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

export default auth;

export const config = {
  matcher: ["/((?!api/|_next/|login|register|favicon.ico|.*\\.(?:png|svg|ico|webp|jpg)$).*)"],
};
