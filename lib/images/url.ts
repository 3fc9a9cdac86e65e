import { MAX_IMAGE_URL_LENGTH } from "./limits";

export type ImageUrlProblem = "empty" | "too_long" | "invalid" | "scheme" | "credentials" | "svg";

export type ImageUrlCheck = { ok: true; url: string } | { ok: false; problem: ImageUrlProblem };

/**
 * Checks an image URL that the API (never our server) will fetch: https only, http only when
 * allowed, no user name or password in it, not an .svg, at most 2048 characters.
 */
export function checkImageUrl(raw: string, options: { allowHttp?: boolean } = {}): ImageUrlCheck {
  const value = raw.trim();
  if (!value) return { ok: false, problem: "empty" };
  if (value.length > MAX_IMAGE_URL_LENGTH) return { ok: false, problem: "too_long" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: "invalid" };
  }
  const schemes = options.allowHttp ? ["https:", "http:"] : ["https:"];
  if (!schemes.includes(url.protocol)) return { ok: false, problem: "scheme" };
  if (!url.hostname) return { ok: false, problem: "invalid" };
  if (url.username || url.password) return { ok: false, problem: "credentials" };
  // The API does not read SVG; the extension is the one hint we have without fetching the URL.
  if (/\.svgz?$/i.test(url.pathname)) return { ok: false, problem: "svg" };
  // The normalised form can be longer than the input (percent-encoding).
  if (url.href.length > MAX_IMAGE_URL_LENGTH) return { ok: false, problem: "too_long" };
  return { ok: true, url: url.href };
}
