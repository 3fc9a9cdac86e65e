import { authPageRoutes } from "../auth-route";

const routes = authPageRoutes("register");
export const GET = routes.GET;
export const POST = routes.POST;
