// A refused request shows an alert carrying the server's stable error code.
import { expect, test } from "@playwright/test";
import { lastReply, registerAndSignIn, sendMessage } from "./helpers";

test("a message to a conversation deleted meanwhile is refused with the server's code on the alert", async ({
  page,
}) => {
  await registerAndSignIn(page);
  await sendMessage(page, "The first message");
  await expect(lastReply(page)).toHaveAttribute("data-message-status", "done");
  const id = new URL(page.url()).pathname.split("/").at(-1);
  expect((await page.request.delete(`/api/conversations/${id}`)).status()).toBe(204);

  await sendMessage(page, "Into the void");
  const alert = page.getByRole("alert").filter({ hasText: "This conversation was not found." });
  await expect(alert).toHaveAttribute("data-error-code", "not_found:conversation");
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("Into the void");
});
