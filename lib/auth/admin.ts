// Admin pages and routes: anyone who is not a signed-in, enabled admin gets a 404, as if they did
// not exist (the role is read from the database on every call, so a demotion takes effect at once).
import "server-only";
import { notFound } from "next/navigation";
import { findActiveAdmin } from "@/lib/db/admin-users";
import type { Actor } from "@/lib/db/audit";
import { AppError } from "@/lib/errors";
import { auth, requireUserId } from "./index";

export function adminNotFound(): AppError {
  return new AppError("not_found:page", "Not found.");
}

/** For admin route handlers: the admin, or 401 signed out / 404 for everyone else. */
export async function requireAdmin(): Promise<Actor> {
  const admin = await findActiveAdmin(await requireUserId());
  if (!admin) throw adminNotFound();
  return admin;
}

/** For admin pages: the admin, or Next's 404 page (signed out included). */
export async function adminForPage(): Promise<Actor> {
  const userId = (await auth())?.user?.id;
  const admin = userId ? await findActiveAdmin(userId) : null;
  if (!admin) notFound();
  return admin;
}
