// Why an image could not be prepared in the browser: apart from ./prepare-browser, which loads only
// once an image is attached.
export type PrepareProblem = "svg" | "not_image" | "decode" | "too_large" | "source_too_large";

export class ImagePrepareError extends Error {
  constructor(readonly problem: PrepareProblem) {
    super(`image could not be prepared: ${problem}`);
    this.name = "ImagePrepareError";
  }
}
