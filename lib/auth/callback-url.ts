/**
 * A path of this app to go to after signing in (the proxy sends signed-out visitors to
 * /login?callbackUrl=<path>); anything else, another site's address included, is "/".
 */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || value.length > 2_000 || !/^\/(?![/\\])/.test(value) || /[\\\s]/.test(value)) return "/";
  return value;
}
