import { createHash } from "node:crypto";
import { EFFORT_LEVELS, type EffortLevel, thinkingCapabilities } from "./models";
import { SERVER_RESULT_TYPES, serverBlocksProblem, toolConfigProblem } from "./server-tools";
import { sourceProblem } from "./sources";

/**
 * The Messages API's 400 rules for thinking, effort, sampling parameters and the shape of the
 * conversation history, as a pure function of the request body. Messages follow the real API's
 * wording and name the offending field (`messages.3.content.0`, `thinking.budget_tokens`, …).
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;

const THINKING_DOCS = "https://docs.claude.com/en/docs/build-with-claude/extended-thinking";
const CONSIDERATIONS = `Please consult our documentation at ${THINKING_DOCS}#important-considerations-when-using-extended-thinking`;
const MIN_BUDGET = 1024;

/**
 * The signature the double gives a thinking block: it binds the block to the model that wrote it
 * and to its exact text, so an edited block or one sent to another model fails verification.
 */
export function thinkingSignature(model: string, thinking: string): string {
  return createHash("sha256").update(`${model}\n${thinking}`).digest("base64");
}

/**
 * Signatures the double did not issue cannot be checked; the shared fixtures shorten theirs with
 * "..." (e.g. `EosnCkYICxIMMb3LzNrMu...`), and those are accepted as they are.
 */
function signatureProblem(model: string, block: Obj): boolean {
  const { signature, thinking } = block;
  if (typeof signature !== "string" || signature === "") return true;
  if (signature.includes("...")) return false;
  return typeof thinking !== "string" || signature !== thinkingSignature(model, thinking);
}

export interface ThinkingMode {
  /** `thinking.type` is `enabled` or `adaptive`. */
  on: boolean;
  /** Whether thinking text is streamed (`summarized`) or only the signature (`omitted`). */
  display: "summarized" | "omitted";
}

/**
 * How the request asks for thinking. `display` defaults to `omitted` on adaptive-only models
 * (Opus 4.7 and later), to `summarized` elsewhere.
 */
export function thinkingMode(body: Obj): ThinkingMode {
  const thinking = isObj(body.thinking) ? body.thinking : {};
  const on = thinking.type === "enabled" || thinking.type === "adaptive";
  const adaptiveOnly = !thinkingCapabilities(String(body.model)).enabled;
  const display =
    thinking.display === "omitted" || (adaptiveOnly && thinking.display !== "summarized")
      ? "omitted"
      : "summarized";
  return { on, display };
}

export interface RuleOptions {
  /** false for count_tokens, which has no `max_tokens`. */
  maxTokens: boolean;
  /** Values of the request's `anthropic-beta` header; the MCP connector needs one of its betas. */
  betas?: readonly string[];
}

/** Why the API would answer 400 to this body; undefined when it would accept it. */
export function requestProblem(body: Obj, opts: RuleOptions = { maxTokens: true }): string | undefined {
  const betas = opts.betas ?? [];
  return (
    toolConfigProblem(body, betas) ??
    thinkingProblem(body, opts) ??
    samplingProblem(body) ??
    effortProblem(body) ??
    historyProblem(body, betas)
  );
}

function thinkingProblem(body: Obj, opts: RuleOptions): string | undefined {
  const thinking = body.thinking;
  if (!present(thinking)) return undefined;
  if (!isObj(thinking)) return "thinking: Input should be a valid dictionary or object";
  const caps = thinkingCapabilities(String(body.model));
  const type = thinking.type;
  const useAdaptive = 'Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.';
  switch (type) {
    case "enabled": {
      if (!caps.enabled) return `"thinking.type.enabled" is not supported for this model. ${useAdaptive}`;
      const budget = thinking.budget_tokens;
      if (!present(budget)) return "thinking.enabled.budget_tokens: Field required";
      if (typeof budget !== "number" || !Number.isInteger(budget)) {
        return "thinking.enabled.budget_tokens: Input should be a valid integer";
      }
      if (budget < MIN_BUDGET) {
        return `thinking.enabled.budget_tokens: Input should be greater than or equal to ${MIN_BUDGET}`;
      }
      if (opts.maxTokens && typeof body.max_tokens === "number" && body.max_tokens <= budget) {
        return (
          "`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation " +
          `at ${THINKING_DOCS}#max-tokens-and-context-window-size`
        );
      }
      return displayProblem(thinking, "enabled");
    }
    case "adaptive":
      if (!caps.adaptive) {
        return (
          "thinking.type: adaptive thinking is not supported on this model. " +
          'Use "thinking.type.enabled" with "thinking.budget_tokens" to control thinking behavior.'
        );
      }
      return displayProblem(thinking, "adaptive");
    case "disabled":
      if (!caps.enabled) return `"thinking.type.disabled" is not supported for this model. ${useAdaptive}`;
      return undefined;
    case undefined:
    case null:
      return "thinking.type: Field required";
    default:
      return (
        `thinking.type: Input tag '${String(type)}' found using 'type' does not match any of the ` +
        "expected tags: 'enabled', 'disabled', 'adaptive'"
      );
  }
}

function displayProblem(thinking: Obj, type: string): string | undefined {
  const display = thinking.display;
  if (!present(display) || display === "summarized" || display === "omitted") return undefined;
  return `thinking.${type}.display: Input should be 'summarized' or 'omitted'`;
}

function samplingProblem(body: Obj): string | undefined {
  if (!thinkingMode(body).on) return undefined;
  const { temperature, top_k: topK, top_p: topP, tool_choice: toolChoice } = body;
  if (present(temperature) && temperature !== 1) {
    return `\`temperature\` may only be set to 1 when thinking is enabled or in adaptive mode. ${CONSIDERATIONS}`;
  }
  if (present(topK)) return `\`top_k\` must be unset when thinking is enabled. ${CONSIDERATIONS}`;
  if (present(topP) && (typeof topP !== "number" || topP < 0.95)) {
    return `\`top_p\` must be greater than or equal to 0.95 or unset when thinking is enabled. ${CONSIDERATIONS}`;
  }
  if (isObj(toolChoice) && (toolChoice.type === "any" || toolChoice.type === "tool")) {
    return `Thinking may not be enabled when tool_choice forces tool use. (tool_choice.type: ${toolChoice.type}) ${CONSIDERATIONS}`;
  }
  return undefined;
}

function effortProblem(body: Obj): string | undefined {
  const config = body.output_config;
  if (!isObj(config) || !present(config.effort)) return undefined;
  const effort = config.effort;
  const levels = EFFORT_LEVELS.map((level) => `'${level}'`);
  if (!EFFORT_LEVELS.includes(effort as EffortLevel)) {
    return `output_config.effort: Input should be ${levels.slice(0, -1).join(", ")} or ${levels.at(-1)}`;
  }
  const caps = thinkingCapabilities(String(body.model));
  if (!caps.effort) return "output_config.effort: This model does not support the effort parameter.";
  if (!caps.efforts.has(effort as EffortLevel)) {
    const allowed = EFFORT_LEVELS.filter((level) => caps.efforts.has(level)).map((level) => `'${level}'`);
    return `output_config.effort: '${String(effort)}' is not supported by this model. Supported values: ${allowed.join(", ")}.`;
  }
  return undefined;
}

/** Content blocks of a message; a string content counts as one text block. */
function blocksOf(message: Obj): Obj[] {
  const content = message.content;
  if (typeof content === "string") return [{ type: "text", text: content }];
  return Array.isArray(content) ? (content as Obj[]) : [];
}

function isEmpty(content: unknown): boolean {
  return content === "" || (Array.isArray(content) && content.length === 0);
}

const THINKING_TYPES = new Set(["thinking", "redacted_thinking"]);

function historyProblem(body: Obj, betas: readonly string[]): string | undefined {
  const messages = body.messages as unknown[];
  const model = String(body.model);
  const { on } = thinkingMode(body);
  if (messages.length === 0) return "messages: at least one message is required";
  const last = messages.length - 1;

  for (const [i, message] of messages.entries()) {
    if (!isObj(message)) return `messages.${i}: Input should be a valid dictionary or object`;
    const { role, content } = message;
    if (role !== "user" && role !== "assistant") {
      return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    }
    if (typeof content !== "string" && !Array.isArray(content)) {
      return `messages.${i}.content: Input should be a valid string or a valid list`;
    }
    if (i === 0 && role !== "user") return 'messages.0.role: first message must use the "user" role';
    if (isEmpty(content) && !(i === last && role === "assistant")) {
      return `messages.${i}: all messages must have non-empty content except for the optional final assistant message`;
    }
    const problem = blockProblem(message, i, model) ?? serverBlocksProblem(message, i, body, betas);
    if (problem) return problem;
  }

  const usesTools = messages.some((m) =>
    blocksOf(m as Obj).some((b) => b.type === "tool_use" || b.type === "tool_result"),
  );
  if (usesTools && !(Array.isArray(body.tools) && body.tools.length > 0)) {
    return "Requests which include `tool_use` or `tool_result` blocks must define tools.";
  }
  return toolPairProblem(messages as Obj[]) ?? finalTurnProblem(messages as Obj[], on);
}

function blockProblem(message: Obj, i: number, model: string): string | undefined {
  let seenOther = false;
  for (const [j, block] of blocksOf(message).entries()) {
    const at = `messages.${i}.content.${j}`;
    if (!isObj(block)) return `${at}: Input should be a valid dictionary or object`;
    if (typeof block.type !== "string") return `${at}.type: Field required`;
    const type = block.type;
    if (THINKING_TYPES.has(type) && message.role !== "assistant") {
      return `${at}.type: \`${type}\` blocks are only allowed in \`assistant\` messages`;
    }
    if (type === "thinking" && signatureProblem(model, block)) {
      return `${at}: Invalid \`signature\` in \`thinking\` block`;
    }
    if (type === "redacted_thinking" && (typeof block.data !== "string" || block.data === "")) {
      return `${at}: Invalid \`data\` in \`redacted_thinking\` block`;
    }
    if (type === "image" || type === "document") {
      const problem = sourceProblem(block, at, message.role);
      if (problem) return problem;
    }
    if (type === "tool_use") {
      if (message.role !== "assistant")
        return `${at}.type: \`tool_use\` blocks are only allowed in \`assistant\` messages`;
      if (typeof block.id !== "string" || block.id === "") return `${at}.id: Field required`;
    }
    if (type === "tool_result") {
      if (message.role !== "user")
        return `${at}.type: \`tool_result\` blocks are only allowed in \`user\` messages`;
      if (typeof block.tool_use_id !== "string" || block.tool_use_id === "")
        return `${at}.tool_use_id: Field required`;
      if (seenOther) {
        return `${at}: \`tool_result\` blocks must come first in the \`user\` message, before any other content`;
      }
    } else seenOther = true;
  }
  return undefined;
}

const idsOf = (message: Obj | undefined, type: string, key: string): string[] =>
  message
    ? blocksOf(message)
        .filter((b) => b.type === type)
        .map((b) => String(b[key]))
    : [];

function toolPairProblem(messages: Obj[]): string | undefined {
  for (const [i, message] of messages.entries()) {
    if (message.role === "assistant") {
      const next = messages[i + 1];
      const answered = new Set(next?.role === "user" ? idsOf(next, "tool_result", "tool_use_id") : []);
      const missing = idsOf(message, "tool_use", "id").filter((id) => !answered.has(id));
      if (missing.length > 0) {
        return (
          `messages.${i + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ` +
          `${missing.join(", ")}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`
        );
      }
    } else {
      const previous = messages[i - 1];
      const asked = new Set(previous?.role === "assistant" ? idsOf(previous, "tool_use", "id") : []);
      const blocks = blocksOf(message);
      const j = blocks.findIndex((b) => b.type === "tool_result" && !asked.has(String(b.tool_use_id)));
      if (j !== -1) {
        return (
          `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ` +
          `${String(blocks[j]?.tool_use_id)}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`
        );
      }
    }
  }
  return undefined;
}

/** Whether an assistant message ends with a server tool or MCP result: a paused turn sent back to continue. */
function continuesPausedTurn(message: Obj): boolean {
  const type = String(blocksOf(message).at(-1)?.type);
  return SERVER_RESULT_TYPES.has(type) || type === "mcp_tool_result";
}

function thinkingFirstProblem(turn: Obj | undefined, at: number): string | undefined {
  const first = turn ? blocksOf(turn)[0] : undefined;
  if (first && THINKING_TYPES.has(String(first.type))) return undefined;
  return (
    `messages.${at}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found ` +
    `\`${String(first?.type ?? "nothing")}\`. When \`thinking\` is enabled, a final \`assistant\` message must start ` +
    "with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you " +
    "include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. Please consult " +
    `our documentation at ${THINKING_DOCS}`
  );
}

function finalTurnProblem(messages: Obj[], thinkingOn: boolean): string | undefined {
  const i = messages.length - 1;
  const last = messages[i] as Obj;
  if (last.role === "assistant") {
    if (thinkingOn) {
      // A turn that stopped with `pause_turn` goes back as it was, ending with server tool blocks, to
      // continue; that is no prefill, but like a tool-use turn it must start with its thinking.
      if (continuesPausedTurn(last)) return thinkingFirstProblem(last, i);
      return (
        `messages.${i}.role: assistant message prefill is not supported when \`thinking\` is enabled. ` +
        "The conversation must end with a `user` message. To continue a response, disable `thinking`."
      );
    }
    const j = blocksOf(last).findIndex((b) => THINKING_TYPES.has(String(b.type)));
    if (j !== -1) {
      return (
        `messages.${i}.content.${j}: When thinking is disabled, an \`assistant\` message in the final position ` +
        "cannot contain `thinking`. To use thinking blocks, enable thinking in your request."
      );
    }
    return undefined;
  }
  if (!thinkingOn || !blocksOf(last).some((b) => b.type === "tool_result")) return undefined;
  // the tool pair check guarantees an assistant message before the tool results
  return thinkingFirstProblem(messages[i - 1], i - 1);
}
