import * as vscode from 'vscode';
import { settingDefaults, type SettingName } from './settingDefinitions';

function read<T>(name: SettingName): T | undefined {
  return vscode.workspace.getConfiguration('promptops').get<T>(name);
}

/** A string setting, trimmed; an empty value means the default. */
function stringSetting(name: SettingName & { [K in SettingName]: (typeof settingDefaults)[K] extends string ? K : never }[SettingName]): string {
  const value = read<string>(name)?.trim();
  return value ? value : settingDefaults[name];
}

/** The release manifest's path relative to the repository root (`promptops.releasesFile`). */
export function releasesFileSetting(): string {
  return stringSetting('releasesFile');
}

/** The label the gutter compares against (`promptops.quickDiff.label`). */
export function quickDiffLabelSetting(): string {
  return stringSetting('quickDiff.label');
}

/** The registry host (`promptops.registry.host`); empty: the environment's. */
export function registryHostSetting(): string {
  return stringSetting('registry.host');
}

/** The flag file live delivery publishes to (`promptops.publish.flagsFile`); empty: off. */
export function flagsFileSetting(): string {
  return stringSetting('publish.flagsFile');
}

/** Whether release commands commit the manifest alone after each change (`promptops.releases.commit`). */
export function commitReleasesSetting(): boolean {
  return read<boolean>('releases.commit') === true;
}

/** Whether a release started without all its arguments asks for a confirmation last (`promptops.releases.confirm`). */
export function confirmReleasesSetting(): boolean {
  return read<boolean>('releases.confirm') !== false;
}

/** The outcome rows the Canary report reads (`promptops.canary.outcomesFile`); empty: asked for. */
export function canaryOutcomesFileSetting(): string {
  return stringSetting('canary.outcomesFile');
}

/** The metrics the Canary report judges (`promptops.canary.metrics`), as written; not an array: none. */
export function canaryMetricsSetting(): unknown[] {
  const value = read<unknown>('canary.metrics');
  return Array.isArray(value) ? value : [];
}

/** Whether the Canary report uses always-valid confidence sequences (`promptops.canary.sequential`). */
export function canarySequentialSetting(): boolean {
  return read<boolean>('canary.sequential') !== false;
}

/** Whether a configuration change touches any of the named PromptOps settings. */
export function affectsSettings(event: vscode.ConfigurationChangeEvent, names: readonly SettingName[]): boolean {
  return names.some((name) => event.affectsConfiguration(`promptops.${name}`));
}

/** Calls back whenever one of the named settings changes; dispose to stop. */
export function onDidChangeSettings(names: readonly SettingName[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (affectsSettings(event, names)) listener();
  });
}
