import { signInMethods } from "@/lib/auth/sign-in-methods";
import { route } from "@/lib/http";
import { startSsoSignIn } from "../../attempts";
import { continueToPage } from "../../auth-page";
import { htmlResponse, seeOther } from "../../auth-route";

// The sign-in page's single sign-on button: on to the identity provider, or back to /login when
// single sign-on is not set up (any more).
export const POST = route(async () => {
  const { ssoName } = await signInMethods();
  if (ssoName === null) return seeOther("/login");
  return htmlResponse(await continueToPage(await startSsoSignIn("/"), ssoName));
});
