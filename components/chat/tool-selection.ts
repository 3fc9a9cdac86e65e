// The Tools menu's state and what a send actually asks for: only what the current model offers,
// the admin allows and the user still has.
import type { ConnectorView } from "@/lib/connectors/schema";
import type { ModelInfo } from "@/lib/model/types";
import { MAX_CONNECTORS_PER_REPLY, type ToolChoices } from "@/lib/tools/choice-limits";
import { type DisabledTools, offeredServerTools, type ServerToolId } from "@/lib/tools/server-tools";

/** What the admin turned off, as the server page passes it (a list: props must be serialisable). */
export type DisabledToolList = readonly (ServerToolId | "connectors")[];

export interface OfferedTools {
  server: ServerToolId[];
  connectors: ConnectorView[];
}

/** The switches the menu shows for `model`. */
export function offeredTools(
  model: ModelInfo | undefined,
  disabled: DisabledTools,
  connectors: readonly ConnectorView[],
): OfferedTools {
  return {
    server: offeredServerTools(model, disabled),
    connectors: disabled.has("connectors") ? [] : [...connectors],
  };
}

/**
 * The choices sent with a message: switches the model does not offer (after a model change), turned
 * off by the admin, or of deleted connectors are left out; the state keeps them for a switch back.
 */
export function toolsToSend(choices: ToolChoices, offered: OfferedTools): ToolChoices {
  const connectorIds = new Set(offered.connectors.map((connector) => connector.id));
  return {
    server: offered.server.filter((id) => choices.server.includes(id)),
    connectors: choices.connectors.filter((id) => connectorIds.has(id)).slice(0, MAX_CONNECTORS_PER_REPLY),
  };
}

/** How many of the offered tools are on. */
export function countOn(choices: ToolChoices): number {
  return choices.server.length + choices.connectors.length;
}

/** `list` with `item` on or off, in a stable order. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((entry) => entry !== item);
  return on ? [...without, item] : without;
}
