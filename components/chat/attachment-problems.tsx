/** Under pending attachments: why each failed one failed, and why some files were not added. */
export function AttachmentProblems({
  items,
  notice,
}: {
  items: readonly { key: string; error: string | null }[];
  notice: string | null;
}) {
  return (
    <>
      {items
        .filter((item) => item.error)
        .map((item) => (
          <p key={item.key} role="alert" className="text-sm text-red-700 dark:text-red-300">
            {item.error}
          </p>
        ))}
      {notice && (
        <p role="status" className="text-sm text-amber-700 dark:text-amber-300">
          {notice}
        </p>
      )}
    </>
  );
}
