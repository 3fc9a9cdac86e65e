import { DEFAULT_MAX_EDGE } from "./limits";

export interface Size {
  width: number;
  height: number;
}

/** Scales down (never up) so that the long edge is at most `maxEdge`, keeping the aspect ratio. */
export function fitWithin(width: number, height: number, maxEdge: number = DEFAULT_MAX_EDGE): Size {
  const longEdge = Math.max(width, height);
  if (longEdge <= maxEdge) return { width, height };
  const scale = maxEdge / longEdge;
  const scaled = (side: number) => (side === longEdge ? maxEdge : Math.max(1, Math.round(side * scale)));
  return { width: scaled(width), height: scaled(height) };
}

/**
 * Input tokens the API bills for an image: ⌈w/28⌉ × ⌈h/28⌉, measured after the API's own downscale
 * to a 1568 px long edge (so an oversized image is not over-estimated).
 */
export function estimateImageTokens(width: number, height: number): number {
  const size = fitWithin(width, height, DEFAULT_MAX_EDGE);
  return Math.ceil(size.width / 28) * Math.ceil(size.height / 28);
}
