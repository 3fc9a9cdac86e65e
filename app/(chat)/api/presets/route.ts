import { requireUserId } from "@/lib/auth";
import { createPreset, listPresets } from "@/lib/db/presets";
import { parseJson, route } from "@/lib/http";
import { presetCreateSchema } from "@/lib/presets/schema";

export const GET = route(async () => {
  const userId = await requireUserId();
  return Response.json({ presets: await listPresets(userId) });
});

export const POST = route(async (request) => {
  const userId = await requireUserId();
  const input = await parseJson(request, presetCreateSchema);
  return Response.json({ preset: await createPreset(userId, input) }, { status: 201 });
});
