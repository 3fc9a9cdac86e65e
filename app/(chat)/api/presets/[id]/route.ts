import { requireUserId } from "@/lib/auth";
import { deletePreset, findPreset, updatePreset } from "@/lib/db/presets";
import { AppError } from "@/lib/errors";
import { parseJson, route } from "@/lib/http";
import { presetUpdateSchema } from "@/lib/presets/schema";

interface Context {
  params: Promise<{ id: string }>;
}

// Another user's preset answers exactly like a missing one.
const notFound = () => new AppError("not_found:preset", "This preset does not exist.");

export const GET = route(async (_request, { params }: Context) => {
  const userId = await requireUserId();
  const preset = await findPreset(userId, (await params).id);
  if (!preset) throw notFound();
  return Response.json({ preset });
});

export const PATCH = route(async (request, { params }: Context) => {
  const userId = await requireUserId();
  const input = await parseJson(request, presetUpdateSchema);
  const preset = await updatePreset(userId, (await params).id, input);
  if (!preset) throw notFound();
  return Response.json({ preset });
});

export const DELETE = route(async (_request, { params }: Context) => {
  const userId = await requireUserId();
  if (!(await deletePreset(userId, (await params).id))) throw notFound();
  return new Response(null, { status: 204 });
});
