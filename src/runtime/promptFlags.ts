// The contract between `promptops publish` and the applications that evaluate its flags: one
// OpenFeature flag per prompt id and label, whose variants are prompt versions.

/** The prefix of every flag PromptOps publishes. */
export const promptFlagPrefix = 'promptops.';

/**
 * The flag of a prompt's label: `promptops.<id>.<label>`, e.g. `promptops.support/summarize.production`.
 * Keys are built from an id and a label, never parsed back (ids and labels may both hold dots).
 */
export function promptFlagKey(promptId: string, label: string): string {
  return `${promptFlagPrefix}${promptId}.${label}`;
}

/**
 * A variant of a prompt flag: the version it serves, as the release manifest names it. A type alias
 * rather than an interface, so that it is a JSON object to OpenFeature's typings.
 */
export type PromptFlagValue = {
  readonly commit: string;
  readonly sha256: string;
  readonly path: string;
};

/** Flag metadata keys: the prompt and label a flag belongs to, and its canary's commit and weight when it has one. */
export const promptFlagMetadata = {
  prompt: 'prompt',
  label: 'label',
  canary: 'canary',
  canaryWeight: 'canaryWeight',
} as const;
