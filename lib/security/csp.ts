// The Content-Security-Policy of every page (set by proxy.ts with a fresh nonce per request).

export interface CspOptions {
  nonce: string;
  /** ALLOW_HTTP_IMAGE_URLS: image URLs given by users may be plain http. */
  allowHttpImages: boolean;
  /** `next dev` only: React rebuilds server error stacks with eval. */
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, allowHttpImages, dev }: CspOptions): string {
  const directives = {
    "default-src": ["'self'"],
    // Next.js puts the nonce on its scripts; 'strict-dynamic' lets them load the code-split chunks
    // (Streamdown's highlighter and its grammars load on demand). 'self' is for browsers older than
    // 'strict-dynamic'; newer ones ignore it.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Server-rendered style attributes: Shiki's token colours in code blocks, Streamdown's layout
    // hints. No nonce here: a nonce would make browsers ignore 'unsafe-inline'.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Users' image URLs (https, or http when allowed) load in the browser; blob: is the preview of
    // an attachment before it is sent.
    "img-src": ["'self'", "blob:", "https:", ...(allowHttpImages ? ["http:"] : [])],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
