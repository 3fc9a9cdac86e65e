// Client calls of the conversation routes. True when the change is made (or, for a delete, when
// the conversation is already gone).
export async function saveTitle(id: string, title: string): Promise<boolean> {
  const response = await fetch(`/api/conversations/${encodeURIComponent(id)}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title }),
  }).catch(() => null);
  return response?.ok ?? false;
}

export async function deleteConversation(id: string): Promise<boolean> {
  const response = await fetch(`/api/conversations/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(
    () => null,
  );
  return response !== null && (response.ok || response.status === 404);
}
