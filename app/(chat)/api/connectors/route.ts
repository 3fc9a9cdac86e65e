import { requireUserId } from "@/lib/auth";
import { MAX_CONNECTORS, newConnectorSchema } from "@/lib/connectors/schema";
import { countConnectors, createConnector, listConnectors } from "@/lib/db/connectors";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJson, route } from "@/lib/http";

/** The user's connectors (never their tokens). */
export const GET = route(async () => {
  const userId = await requireUserId();
  return Response.json({ connectors: await listConnectors(userId) });
});

export const POST = route(async (request) => {
  const userId = await requireUserId();
  if (env().DISABLED_TOOLS.includes("connectors"))
    throw new AppError("bad_request:input", "Connectors are turned off on this server.");
  const input = await parseJson(request, newConnectorSchema);
  if ((await countConnectors(userId)) >= MAX_CONNECTORS)
    throw new AppError("bad_request:input", `You can keep at most ${MAX_CONNECTORS} connectors.`);
  try {
    return Response.json({ connector: await createConnector(userId, input) }, { status: 201 });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      throw new AppError("conflict:connector", `You already have a connector named ${input.name}.`);
    throw error;
  }
});
