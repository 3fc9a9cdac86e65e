import { signInMethods } from "@/lib/auth/sign-in-methods";
import { route } from "@/lib/http";
import { startSsoSignIn } from "../../attempts";
import { continueToPage } from "../../auth-page";
import { seeOther } from "../../auth-route";

// The sign-in page's single sign-on button: on to the identity provider, or back to /login when
// single sign-on is not set up (any more).
export const POST = route(async () => {
  const { ssoName } = await signInMethods();
  const url = ssoName === null ? null : await startSsoSignIn("/");
  if (ssoName === null || url === null) return seeOther("/login");
  return new Response(await continueToPage(url, ssoName), {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
});
