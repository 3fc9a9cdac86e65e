import { requireUserId } from "@/lib/auth";
import { importConversation } from "@/lib/db/export";
import { AppError } from "@/lib/errors";
import { conversationFileSchema, MAX_IMPORT_BYTES } from "@/lib/export/schema";
import { readJson, route } from "@/lib/http";
import { enforceRateLimit } from "@/lib/limits/policies";
import { assertStorageRoom } from "@/lib/limits/storage";

const tooLarge = () =>
  new AppError("payload_too_large:input", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);

/** `POST /api/import` with a conversation export (JSON): creates it as a new conversation, `{ id }`. */
export const POST = route(async (request) => {
  const userId = await requireUserId();
  await enforceRateLimit(userId, "import");
  const body = await readJson(request, {
    limit: MAX_IMPORT_BYTES,
    tooLarge,
    notJson: "The file must be JSON.",
  });
  const parsed = conversationFileSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    const summary = issues.map((issue) => `${issue.path || "body"}: ${issue.message}`).join("; ");
    throw new AppError("bad_request:input", `This is not a conversation export. ${summary}`, issues);
  }
  const images = parsed.data.attachments.map((attachment) => Buffer.from(attachment.data, "base64"));
  await assertStorageRoom(userId, images);
  const { id } = await importConversation(userId, parsed.data);
  return Response.json({ id }, { status: 201 });
});
