import type { CanaryTarget, ReleaseManifest, ReleaseTarget } from '../../core/releases/releaseManifest';
import { releaseEventSentence } from '../../core/releases/releaseEventSentence';
import { planCanary } from '../../core/releases/releaseMoves';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { clearCanary, setCanary, type ReleaseOutcome, type ReleasePublisher } from '../../node/releases/releaseActions';
import { releasePreflight } from '../../node/releases/releasePreflight';
import { breakingChangesBetween } from '../../node/releases/releaseTarget';
import { optionalString, type CommandTarget } from '../commands/commandArguments';
import { pickLabel } from '../commands/labelPicker';
import { pickVersion, type VersionItem } from '../commands/versionPicker';
import { displayText } from '../displayText';
import { commitReleasesSetting as commitSetting } from '../settings';
import { breakingChangeLines, manifestBeforeAsking, noteLine, plannedEvent, type ReleaseCommandKit } from './releaseCommandKit';

/** The arguments `promptops.setCanary` was called with, after the prompt. */
interface CanaryArguments {
  readonly version: unknown;
  readonly label: unknown;
  readonly weight: unknown;
}

/** The label a canary splits, as the manifest has it now. */
interface CanarySplit {
  readonly file: PromptFileInRepository;
  readonly label: string;
  readonly stable: ReleaseTarget;
  /** The canary running on the label now, if any. */
  readonly existing: CanaryTarget | undefined;
  readonly publisher: ReleasePublisher | undefined;
}

/** Ends the canary on a label after a note and a confirmation; refused when there is none. */
async function endCanary(kit: ReleaseCommandKit, split: CanarySplit): Promise<ReleaseOutcome | undefined> {
  const { file, label, stable, existing, publisher } = split;
  const { short } = kit;
  if (!existing) throw new ReleaseRefusal(`${file.promptId} ${label} has no canary to end.`);
  const sentence = releaseEventSentence(plannedEvent(file, 'canary-clear', label, existing.commit, stable), short);
  const chosenNote = await kit.askNote(sentence);
  if (!(await kit.confirm(`End the canary of ${displayText(file.promptId)} ${label}?`, `All traffic returns to ${short(stable.commit)}; ${short(existing.commit)} stops serving its ${existing.weight}%.${noteLine(chosenNote)}`, 'End Canary'))) return undefined;
  return kit.finish(file, await clearCanary(file, { label, note: chosenNote, commit: commitSetting(), publisher }));
}

/** The version to send traffic to: never the one the label serves; '' when the user chose to end the canary instead. */
function pickCanaryVersion(kit: ReleaseCommandKit, split: CanarySplit): Promise<string | undefined> {
  const { file, label, stable, existing } = split;
  const { short } = kit;
  const endItem: VersionItem = { label: '$(close) End the canary', description: `all traffic back to ${short(stable.commit)}`, version: '' };
  return pickVersion(kit.environment, file, `Canary which version on ${label} (which serves ${short(stable.commit)})?`, {
    includeWorking: false,
    exclude: new Set([stable.commit]),
    ...(existing ? { first: [endItem], note: (commit: string) => (commit === existing.commit ? `the canary now, ${existing.weight}%` : undefined) } : {}),
  });
}

/** The percent of traffic for the canary (0 ends it); undefined when the user cancels. */
async function askCanaryPercent(kit: ReleaseCommandKit, split: CanarySplit, to: ReleaseTarget): Promise<number | undefined> {
  const typed = await kit.environment.questions.input({
    prompt: `Percent of ${split.label} traffic for ${kit.short(to.commit)} (1–99; 0 ends the canary)`,
    value: String(split.existing?.weight ?? 10),
    validateInput: (value) => (/^\d{1,2}$/.test(value.trim()) ? null : 'A whole number from 0 to 99.'),
  });
  return typed === undefined ? undefined : Number(typed.trim());
}

/** Sends `percent` of the label's traffic to `to` after a note and a confirmation that names breaking changes. */
async function startCanary(kit: ReleaseCommandKit, split: CanarySplit, to: ReleaseTarget, percent: number): Promise<ReleaseOutcome | undefined> {
  const { file, label, stable, existing, publisher } = split;
  const { short } = kit;
  const changes = await breakingChangesBetween(file, stable, to);
  const sentence = releaseEventSentence(plannedEvent(file, 'canary', label, stable.commit, to, percent), short);
  const chosenNote = await kit.askNote(sentence);
  const replaces = existing ? `\n\nThis replaces the ${existing.weight}% canary on ${short(existing.commit)}.` : '';
  const message = `Send ${percent}% of ${displayText(file.promptId)} ${label} traffic to ${short(to.commit)} (stable stays ${short(stable.commit)})?`;
  if (!(await kit.confirm(message, `${replaces.trimStart()}${breakingChangeLines(changes)}${noteLine(chosenNote)}`.trimStart(), 'Set Canary'))) return undefined;
  return kit.finish(file, await setCanary(file, { version: to.commit, label, weight: percent, note: chosenNote, commit: commitSetting(), publisher }));
}

/** The label's stable version and current canary; refused when the label does not exist, as a canary splits an existing one. */
async function canarySplit(kit: ReleaseCommandKit, manifest: ReleaseManifest, file: PromptFileInRepository, label: string, publisher: ReleasePublisher | undefined): Promise<CanarySplit> {
  const releases = manifest.prompts.get(file.promptId);
  const stable = releases?.labels.get(label);
  if (!stable) throw new ReleaseRefusal(`${file.promptId} has no label ${label} to split traffic with; promote a version to ${label} first.`);
  const existing = releases?.canaries.get(label);
  await kit.environment.history.shortShas.learn(file.repository, [stable.commit, ...(existing ? [existing.commit] : [])]);
  return { file, label, stable, existing, publisher };
}

/** `promptops.setCanary` on a prompt file: complete arguments ask nothing; otherwise the label, the version, the percent, a note, then a confirmation. */
export async function setCanaryOnFile(kit: ReleaseCommandKit, file: PromptFileInRepository, target: CommandTarget, args: CanaryArguments): Promise<ReleaseOutcome | undefined> {
  const { version, label, weight } = args;
  const manifest = manifestBeforeAsking(file);
  const publisher = await kit.publisherFor(file);
  const complete = optionalString(version) !== undefined && optionalString(label) !== undefined && typeof weight === 'number';
  if (complete) {
    const outcome = weight === 0 ? await clearCanary(file, { label: optionalString(label), commit: commitSetting(), publisher }) : await setCanary(file, { version: optionalString(version) ?? '', label: optionalString(label), weight, commit: commitSetting(), publisher });
    return kit.finish(file, outcome);
  }
  // A version already named is checked before anything is asked.
  const given = optionalString(version) ?? target.version;
  if (given !== undefined && weight !== 0) await releasePreflight(file, given);
  // A canary splits an existing label: no new one is offered.
  const labelName = optionalString(label) ?? target.label ?? (await pickLabel(kit.environment, file, `Canary which label of ${displayText(file.promptId)}?`, { allowNew: false, manifest }));
  if (!labelName) return undefined;
  const split = await canarySplit(kit, manifest, file, labelName, publisher);
  if (weight === 0) return endCanary(kit, split);
  // The version first, never the one the label already serves; then the weight.
  const wanted = given ?? (await pickCanaryVersion(kit, split));
  if (wanted === undefined) return undefined;
  if (wanted === '') return endCanary(kit, split);
  const to = (await releasePreflight(file, wanted)).target;
  await kit.environment.history.shortShas.learn(file.repository, [to.commit]);
  // The label's own version is refused in the words promptops canary uses (which say when a canary runs).
  const plan = planCanary(manifest, { prompt: file.promptId, label: labelName, target: to, weight: 1, stamp: { at: '', by: '' }, short: kit.short });
  if (plan.kind === 'refused') throw new ReleaseRefusal(plan.reason);
  const percent = typeof weight === 'number' ? weight : await askCanaryPercent(kit, split, to);
  if (percent === undefined) return undefined;
  if (percent === 0) return endCanary(kit, split);
  return startCanary(kit, split, to, percent);
}
