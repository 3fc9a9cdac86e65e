import { randomBytes } from "node:crypto";
import { z } from "zod";

/** 256 random bits, base64url (43 characters): the share link cannot be guessed. */
export function createShareToken(): string {
  return randomBytes(32).toString("base64url");
}

export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
