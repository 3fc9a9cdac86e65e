// A share as its owner's browser gets it.
import { sharePath } from "./paths";

export interface ShareView {
  id: string;
  conversationId: string;
  title: string;
  /** `/s/<token>`: the link, relative to the app's origin. */
  path: string;
  includeImages: boolean;
  /** ISO time the shared copy was taken (or last updated). */
  sharedAt: string;
}

export function toShareView(share: {
  id: string;
  token: string;
  conversationId: string;
  title: string;
  includeImages: boolean;
  sharedAt: Date;
}): ShareView {
  return {
    id: share.id,
    conversationId: share.conversationId,
    title: share.title,
    path: sharePath(share.token),
    includeImages: share.includeImages,
    sharedAt: share.sharedAt.toISOString(),
  };
}
