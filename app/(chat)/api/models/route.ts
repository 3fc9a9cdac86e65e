import { requireUserId } from "@/lib/auth";
import { route } from "@/lib/http";
import { defaultModelId, listModels } from "@/lib/model/models";

export const GET = route(async () => {
  await requireUserId();
  const { models, live } = await listModels();
  return Response.json({ models, defaultModel: defaultModelId(models), live });
});
