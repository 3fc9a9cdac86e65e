import { GET as authGet, POST as authPost } from "@/lib/auth/handlers";
import { route } from "@/lib/http";

// Wrapped like every API route: one log line per request, cross-site POSTs refused up front.
export const GET = route(authGet);
export const POST = route(authPost);
