// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type ImageAttachments,
  ImageAttachmentsPanel,
  useImageAttachments,
} from "@/components/chat/image-attachments";
import { loadMessages } from "@/lib/i18n/catalogue";
import { prepareImage } from "@/lib/images/prepare-browser";
import { uploadImage } from "@/lib/images/upload-browser";
import type { ImageAttachmentsOptions } from "@/lib/images/use-image-attachments";
import { png, text } from "./images-fixtures";

// jsdom cannot decode images or upload: the real sniffing runs, decoding and the upload are stand-ins.
vi.mock(import("@/lib/images/prepare-browser"), async (original) => {
  const actual = await original();
  return { ...actual, prepareImage: vi.fn(actual.prepareImage) };
});
vi.mock(import("@/lib/images/upload-browser"), async (original) => ({
  ...(await original()),
  uploadImage: vi.fn(),
}));

const messages = await loadMessages("en");
const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
let current: ImageAttachments;

function Harness(options: ImageAttachmentsOptions) {
  current = useImageAttachments(options);
  return (
    <form onSubmit={onSubmit}>
      <ImageAttachmentsPanel attachments={current} />
    </form>
  );
}

function renderPanel(options: ImageAttachmentsOptions = { checkUrls: false }) {
  return render(
    <NextIntlClientProvider locale="en" messages={messages}>
      <Harness {...options} />
    </NextIntlClientProvider>,
  );
}

function addUrl(url: string) {
  if (!screen.queryByRole("textbox", { name: "Image URL" })) {
    fireEvent.click(screen.getByRole("button", { name: "Add image URL" }));
  }
  fireEvent.change(screen.getByRole("textbox", { name: "Image URL" }), { target: { value: url } });
  fireEvent.click(screen.getByRole("button", { name: "Add" }));
}

// jsdom's Blob has no arrayBuffer().
Blob.prototype.arrayBuffer ??= function (this: Blob) {
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(this);
  });
};

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => "blob:preview");
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("ImageAttachmentsPanel", () => {
  it("offers Attach image with a file chooser for the four image types", () => {
    const { container } = renderPanel();
    expect(screen.getByRole("button", { name: "Attach image" })).toBeTruthy();
    const input = container.querySelector<HTMLInputElement>("input[type=file]")!;
    expect(input.accept).toBe("image/jpeg,image/png,image/gif,image/webp");
    expect(input.multiple).toBe(true);
    const click = vi.spyOn(input, "click");
    fireEvent.click(screen.getByRole("button", { name: "Attach image" }));
    expect(click).toHaveBeenCalled();
  });

  it("adds an https image URL as a thumbnail that Remove image takes away", () => {
    renderPanel();
    expect(screen.queryByRole("textbox", { name: "Image URL" })).toBeNull();
    addUrl("https://example.com/cat.jpg");
    expect(screen.getByRole("img", { name: "Attached image: https://example.com/cat.jpg" })).toBeTruthy();
    expect(current.images).toEqual([
      { key: expect.any(String), kind: "url", url: "https://example.com/cat.jpg" },
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Remove image" }));
    expect(screen.queryByRole("img")).toBeNull();
    expect(current.images).toEqual([]);
  });

  it("explains why an address is refused, inline", () => {
    renderPanel();
    addUrl("http://example.com/cat.jpg");
    expect(screen.getByRole("alert").textContent).toBe("The address must start with https://.");
    addUrl("https://example.com/logo.svg");
    expect(screen.getByRole("alert").textContent).toContain("SVG");
    addUrl(`https://example.com/${"a".repeat(2100)}.png`);
    expect(screen.getByRole("alert").textContent).toContain("2,048");
    expect(current.items).toHaveLength(0);
  });

  it("accepts http when allowed", () => {
    renderPanel({ checkUrls: false, allowHttp: true });
    addUrl("http://example.com/cat.jpg");
    expect(current.images).toHaveLength(1);
  });

  it("adds the URL on Enter without sending the surrounding message form", () => {
    renderPanel();
    fireEvent.click(screen.getByRole("button", { name: "Add image URL" }));
    const box = screen.getByRole("textbox", { name: "Image URL" });
    fireEvent.change(box, { target: { value: "https://example.com/a.png" } });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(current.images).toHaveLength(1);
  });

  it("stops at the per-message limit with a clear message", () => {
    renderPanel({ checkUrls: false, maxImages: 2 });
    addUrl("https://example.com/1.png");
    addUrl("https://example.com/2.png");
    addUrl("https://example.com/3.png");
    expect(screen.getByRole("alert").textContent).toBe("You can attach up to 2 images per message.");
    expect(current.images).toHaveLength(2);
    act(() => current.add([new File([png(2, 2)], "more.png")]));
    expect(screen.getByRole("status").textContent).toBe("You can attach up to 2 images per message.");
    expect(current.items).toHaveLength(2);
  });

  it("refuses a renamed non-image before uploading it", async () => {
    renderPanel();
    act(() => current.add([new File([text("not a picture")], "holiday.png", { type: "image/png" })]));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "“holiday.png” is not an image. Choose a JPEG, PNG, GIF or WebP file.",
      ),
    );
    expect(uploadImage).not.toHaveBeenCalled();
    expect(current.images).toEqual([]);
  });

  it("prepares and uploads a file, then lists it ready with its tokens", async () => {
    const blob = new Blob([png(2, 2)], { type: "image/png" });
    vi.mocked(prepareImage).mockResolvedValueOnce({
      blob,
      mediaType: "image/jpeg",
      width: 1568,
      height: 1176,
      sourceBytes: 4_000_000,
      reencoded: true,
    });
    vi.mocked(uploadImage).mockImplementationOnce(async (_blob, options) => {
      options?.onProgress?.(0.5);
      return { id: "att_1", mediaType: "image/jpeg", width: 1568, height: 1176, size: 300_000, tokens: 2352 };
    });
    const { container } = renderPanel();
    act(() => current.add([new File(["x"], "photo.jpg")]));
    await waitFor(() => expect(current.images).toHaveLength(1));
    expect(current.images[0]).toMatchObject({
      kind: "upload",
      attachmentId: "att_1",
      mediaType: "image/jpeg",
      previewUrl: "blob:preview",
      tokens: 2352,
    });
    expect(current.busy).toBe(false);
    expect(container.querySelector("[data-image-status]")?.getAttribute("data-image-status")).toBe("ready");
    expect(container.querySelector("[data-image-tokens]")?.textContent).toContain("≈ 2,352 image tokens");
    act(() => current.clear());
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:preview");
    expect(current.items).toHaveLength(0);
  });

  it("shows the server's refusal on the image", async () => {
    const { UploadError } = await import("@/lib/images/upload-browser");
    vi.mocked(prepareImage).mockResolvedValueOnce({
      blob: new Blob(["x"]),
      mediaType: "image/png",
      width: 10,
      height: 10,
      sourceBytes: 1,
      reencoded: false,
    });
    vi.mocked(uploadImage).mockRejectedValueOnce(new UploadError(413, "The image is larger than 5 MB."));
    renderPanel();
    act(() => current.add([new File(["x"], "big.png")]));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "“big.png” is still larger than 5 MB after resizing.",
      ),
    );
    expect(current.images).toEqual([]);
  });

  it.each([
    [
      413,
      "quota_exceeded:storage",
      {},
      "Your storage is full. Delete some conversations or attachments first.",
    ],
    [
      429,
      "rate_limited:upload",
      { retryAfterSeconds: 3 },
      "Too many uploads in a short time. Try again in 3 s.",
    ],
    [
      400,
      "bad_request:input",
      { kind: "image", problem: "too_many_pixels", width: 9000, height: 200, maxSide: 8000 },
      "The image is 9000×200 px; at most 8000 px per side is accepted.",
    ],
    [
      400,
      "bad_request:input",
      { kind: "image", problem: "no_such_problem" },
      "Some of what was sent is not valid. Check it and try again.",
    ],
  ])("says why the server refused a %i %s in the catalogue's words", async (status, code, params, words) => {
    const { UploadError } = await import("@/lib/images/upload-browser");
    vi.mocked(prepareImage).mockResolvedValueOnce({
      blob: new Blob(["x"]),
      mediaType: "image/png",
      width: 10,
      height: 10,
      sourceBytes: 1,
      reencoded: false,
    });
    vi.mocked(uploadImage).mockRejectedValueOnce(
      new UploadError(status, "The server's English.", code, params),
    );
    renderPanel();
    act(() => current.add([new File(["x"], "photo.png")]));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(`“photo.png” was refused: ${words}`),
    );
  });
});
