import { authPageRoutes } from "../auth-route";

const routes = authPageRoutes("login");
export const GET = routes.GET;
export const POST = routes.POST;
