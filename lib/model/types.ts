/** Effort levels of adaptive thinking (`output_config.effort`), lowest first. */
export const EFFORT_LEVELS = ["low", "medium", "high", "xhigh", "max"] as const;
export type EffortLevel = (typeof EFFORT_LEVELS)[number];

/** How a model can think, from the Models API's `capabilities.thinking` and `capabilities.effort`. */
export interface ThinkingSupport {
  /** `thinking: {type: "adaptive"}`. */
  adaptive: boolean;
  /** `thinking: {type: "enabled", budget_tokens}` (and `disabled`: models without it reject both). */
  budget: boolean;
  /** Effort levels the model accepts, lowest first; empty when it takes no `output_config.effort`. */
  effort: EffortLevel[];
}

export interface ModelInfo {
  id: string;
  displayName: string;
  contextWindow: number | null;
  maxOutputTokens: number;
  deprecated: boolean;
  /** Whether temperature / top_p / top_k may be sent. */
  samplingParams: boolean;
  imageInput: boolean;
  thinking: ThinkingSupport;
  /** The code execution server tool (Models API `capabilities.code_execution`; assumed where not reported). */
  codeExecution?: boolean;
}
