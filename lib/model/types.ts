export interface ModelInfo {
  id: string;
  displayName: string;
  contextWindow: number | null;
  maxOutputTokens: number;
  deprecated: boolean;
  /** Whether temperature / top_p / top_k may be sent. */
  samplingParams: boolean;
  imageInput: boolean;
}
