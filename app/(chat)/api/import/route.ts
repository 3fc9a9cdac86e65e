import { requireUserId } from "@/lib/auth";
import { importConversation } from "@/lib/db/export";
import { AppError } from "@/lib/errors";
import { conversationFileSchema, MAX_IMPORT_BYTES } from "@/lib/export/schema";
import { route } from "@/lib/http";

const tooLarge = () =>
  new AppError("payload_too_large:input", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);

/** `POST /api/import` with a conversation export (JSON): creates it as a new conversation, `{ id }`. */
export const POST = route(async (request) => {
  const userId = await requireUserId();
  let value: unknown;
  try {
    value = JSON.parse(await readText(request, MAX_IMPORT_BYTES));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request:input", "The file must be JSON.");
  }
  const parsed = conversationFileSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    const summary = issues.map((issue) => `${issue.path || "body"}: ${issue.message}`).join("; ");
    throw new AppError("bad_request:input", `This is not a conversation export. ${summary}`, issues);
  }
  const { id } = await importConversation(userId, parsed.data);
  return Response.json({ id }, { status: 201 });
});

/** The body as text, refused as soon as it grows past `limit` bytes (whatever Content-Length claims). */
async function readText(request: Request, limit: number): Promise<string> {
  if (Number(request.headers.get("content-length")) > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
