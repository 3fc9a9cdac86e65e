/** The public page of a shared conversation. */
export function sharePath(token: string): string {
  return `/s/${token}`;
}

/** A shared conversation's stored image (served only when the owner included images). */
export function sharedImagePath(token: string, attachmentId: string): string {
  return `/api/shared/${token}/images/${encodeURIComponent(attachmentId)}`;
}
