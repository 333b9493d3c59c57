/**
 * Every PromptOps setting, by its name under `promptops.`, with the default package.json declares;
 * the one place that spells them (a unit test holds this table and package.json together).
 */
export const settingDefaults = {
  releasesFile: 'prompt-releases.yaml',
  'quickDiff.label': 'production',
  'registry.host': '',
  'publish.flagsFile': '',
  'releases.commit': false,
  'releases.confirm': true,
  'canary.outcomesFile': '',
  'canary.metrics': [] as readonly string[],
  'canary.sequential': true,
} as const;

/** The name of a PromptOps setting under `promptops.`. */
export type SettingName = keyof typeof settingDefaults;
