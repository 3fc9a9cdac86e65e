// Image pipeline (npm run bench:images): a 12-megapixel photo (4000×3000, noisy so it compresses like
// one) is attached in chromium; measures the time until its thumbnail shows and until it is uploaded,
// then sends it and reads what reached the Messages API: pixel size and bytes versus the original.
import { readImageInfo } from "../lib/images/info";
import { launchChromium, registerIn, startBenchApp } from "./support";

interface ApiImage {
  type: string;
  source?: { type: string; data?: string };
}

const app = await startBenchApp();
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ extraHTTPHeaders: { "Accept-Language": "en" } });
  await registerIn(page, app.baseUrl);
  await page.locator("main[data-chat-ready]").waitFor();

  const result = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext("2d")!;
    const pixels = context.createImageData(4000, 3000);
    let seed = 1;
    for (let i = 0; i < pixels.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const x = (i / 4) % 4000;
      pixels.data[i] = (x / 16 + (seed & 63)) & 255;
      pixels.data[i + 1] = (i / 16000 + ((seed >> 6) & 63)) & 255;
      pixels.data[i + 2] = (seed >> 12) & 255;
      pixels.data[i + 3] = 255;
    }
    context.putImageData(pixels, 0, 0);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/jpeg", 0.92));
    const file = new File([blob], "photo.jpg", { type: "image/jpeg" });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const start = performance.now();
    document
      .querySelector("textarea")!
      .dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    const waitFor = (selector: string) =>
      new Promise<number>((resolve) => {
        const check = () =>
          document.querySelector(selector)
            ? resolve(performance.now() - start)
            : requestAnimationFrame(check);
        check();
      });
    const thumbnailMs = await waitFor('[data-image-status] img[src^="blob:"]');
    const readyMs = await waitFor('[data-image-status="ready"]');
    return { originalBytes: blob.size, thumbnailMs, readyMs };
  });

  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill("bench image [[double:text]]");
  await box.press("Enter");
  await page.locator('[data-message-role="assistant"][data-message-status="done"]').waitFor();
  const requests = (await (await fetch(`${app.double.url}/__double/requests?path=/v1/messages`)).json()) as {
    body: { messages: { content: ApiImage[] }[] };
  }[];
  // The last user turn of the chat request (a title request may have come after it).
  const image = requests
    .flatMap((request) => request.body.messages.at(-1)?.content ?? [])
    .find((block) => typeof block === "object" && block.type === "image");
  const sent = Buffer.from(image?.source?.data ?? "", "base64");
  const info = readImageInfo(new Uint8Array(sent));
  await browser.close();

  console.log("\nImage pipeline: a 12 MP (4000×3000) JPEG pasted into the composer\n");
  console.log(`original: ${result.originalBytes.toLocaleString("en")} bytes`);
  console.log(
    `sent to the API: ${info?.width}×${info?.height} ${info?.mediaType}, ${sent.length.toLocaleString("en")} bytes`,
  );
  console.log(
    `bytes ratio original / sent: ${(result.originalBytes / sent.length).toFixed(1)}×   (target ≥ 10×, long edge ≤ 1568)`,
  );
  console.log(
    `paste → thumbnail shown: ${result.thumbnailMs.toFixed(0)} ms; paste → uploaded and ready: ${result.readyMs.toFixed(0)} ms`,
  );
} finally {
  await app.close();
}
