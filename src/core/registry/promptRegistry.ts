/** One chat message of a registry prompt: a role and its template text, or a placeholder for messages supplied at run time. */
export type RegistryChatMessage =
  | { readonly kind: 'message'; readonly role: string; readonly content: string }
  | { readonly kind: 'placeholder'; readonly name: string };

/** What a registry version holds: a text template or a list of chat messages. */
export type RegistryPromptContent =
  | { readonly type: 'text'; readonly prompt: string }
  | { readonly type: 'chat'; readonly prompt: readonly RegistryChatMessage[] };

/** A prompt as the registry lists it: its name, its version numbers and every label any version carries. */
export interface RegistryPromptSummary {
  /** The name; `/` separates folders. */
  readonly name: string;
  readonly type: 'text' | 'chat';
  /** Version numbers, in the order the registry gives them. */
  readonly versions: readonly number[];
  readonly labels: readonly string[];
  readonly tags: readonly string[];
  /** ISO 8601, when the registry says. */
  readonly lastUpdatedAt: string | undefined;
}

/** One page of the prompt list (pages count from 1). */
export interface RegistryPromptPage {
  readonly prompts: readonly RegistryPromptSummary[];
  readonly page: number;
  readonly totalPages: number;
  readonly totalItems: number;
}

/** One version of a registry prompt, with the labels that point at it now. */
export interface RegistryPromptVersion {
  readonly name: string;
  readonly version: number;
  readonly content: RegistryPromptContent;
  /** The version's config object (model parameters, PromptOps provenance…); `{}` when it has none. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly labels: readonly string[];
  readonly tags: readonly string[];
  readonly commitMessage: string | undefined;
  /** ISO 8601, when the registry says. */
  readonly createdAt: string | undefined;
  /** Who created it, when the registry says. */
  readonly createdBy: string | undefined;
}

/** Which version to read: a number, or the version a label points at (`latest` is the newest). */
export type RegistryVersionSelector = { readonly version: number } | { readonly label: string };

/** A new version to create; the registry numbers it. */
export interface NewRegistryVersion {
  readonly name: string;
  readonly content: RegistryPromptContent;
  readonly config: Readonly<Record<string, unknown>>;
  /** Labels to set on the new version (moved off any other version). */
  readonly labels: readonly string[];
  readonly commitMessage: string | undefined;
}

/** What a registry can and cannot do, so callers and views explain rather than fail. */
export interface RegistryCapabilities {
  /** Langfuse labels can be added and moved, never removed through the API. */
  readonly labelsCanBeRemoved: boolean;
  /** Labels the registry manages itself (`latest`). */
  readonly reservedLabels: readonly string[];
  /** The largest page the prompt list returns. */
  readonly maxPageSize: number;
  /** The registry keeps no history of label moves; PromptOps journals its own. */
  readonly labelHistory: boolean;
}

/**
 * A remote prompt registry (DESIGN §8). Every method reads the registry as it is now (no cache)
 * and fails with a RegistryError carrying one sentence.
 */
export interface PromptRegistry {
  /** The kind of registry, e.g. `langfuse`. */
  readonly kind: string;
  /** How messages name it, e.g. `Langfuse`. */
  readonly displayName: string;
  /** Where it is, for messages: the host URL without credentials. */
  readonly location: string;
  readonly capabilities: RegistryCapabilities;
  /** One page of the prompt list, page numbers from 1; `name` narrows it to that prompt. */
  listPrompts(page: number, limit?: number, filter?: { readonly name?: string }): Promise<RegistryPromptPage>;
  /** One version of a prompt, raw (dependencies not resolved). */
  getVersion(name: string, selector: RegistryVersionSelector): Promise<RegistryPromptVersion>;
  /** Creates a new version and returns it as stored. */
  createVersion(version: NewRegistryVersion): Promise<RegistryPromptVersion>;
  /** Adds labels to a version, moving them off any other version of the prompt; returns the version as stored. */
  setLabels(name: string, version: number, labels: readonly string[]): Promise<RegistryPromptVersion>;
}
