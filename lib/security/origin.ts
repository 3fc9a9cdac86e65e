// CSRF defence for the API: a browser names the page that sent a request in `Origin`; a request
// made by another site's page is refused. The app's own origin is the one the browser asked for,
// i.e. the request's Host header (a reverse proxy must pass it through unchanged; see the README).
// Only the host is compared, as Next.js does for server actions: behind a TLS-terminating proxy the
// app cannot tell https from http without trusting a forwarded header.

/** True when the request carries an `Origin` that is not this app's (`null` included). */
export function isForeignOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("host");
  if (!host) return true;
  try {
    const from = new URL(origin);
    // Parsed with the origin's scheme, so a default port written out (":443") compares equal.
    return new URL(`${from.protocol}//${host}`).host !== from.host;
  } catch {
    return true;
  }
}
