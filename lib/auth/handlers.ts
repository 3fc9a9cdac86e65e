import "server-only";
import type { NextRequest } from "next/server";
import { handlers } from "./index";
import { asAddressed } from "./request-origin";

// Auth.js's handlers take any Request (next-auth types them as NextRequest).
export const GET = (request: NextRequest) => handlers.GET(asAddressed(request) as NextRequest);
export const POST = (request: NextRequest) => handlers.POST(asAddressed(request) as NextRequest);
