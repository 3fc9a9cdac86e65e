import { z } from "zod";
import { requireUserId } from "@/lib/auth";
import { getUserSettings, updateUserSettings } from "@/lib/db/settings";
import { parseJson, route } from "@/lib/http";

const settingsSchema = z
  .object({ promptCaching: z.boolean().optional(), searchConversations: z.boolean().optional() })
  .strict();

export const GET = route(async () => Response.json(await getUserSettings(await requireUserId())));

export const PATCH = route(async (request) => {
  const userId = await requireUserId();
  const settings = await parseJson(request, settingsSchema);
  return Response.json(await updateUserSettings(userId, settings));
});
