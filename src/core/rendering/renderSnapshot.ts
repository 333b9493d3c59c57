import { createTwoFilesPatch } from 'diff';
import type { RenderedPrompt } from 'dotprompt';
import { renderedAsText } from './promptRendering';

export interface RenderedSampleSet {
  readonly name: string;
  readonly rendered: RenderedPrompt;
}

/** The snapshot file of a prompt: `__snapshots__/<file name>.snap` beside it. */
export function snapshotPathFor(promptPath: string): string {
  const slash = Math.max(promptPath.lastIndexOf('/'), promptPath.lastIndexOf('\\'));
  const folder = slash < 0 ? '.' : promptPath.slice(0, slash);
  const separator = slash < 0 ? '/' : promptPath.charAt(slash);
  return `${folder}${separator}__snapshots__${separator}${promptPath.slice(slash + 1)}.snap`;
}

/**
 * The readable snapshot of a prompt's renderings: one section per sample set, in name order,
 * each message under a `── role ──` line. Line endings are `\n` whatever the prompt uses.
 */
export function snapshotText(promptFileName: string, sets: readonly RenderedSampleSet[]): string {
  const header = [
    `# Rendered messages of ${promptFileName}, one section per sample set.`,
    '# Written by `promptops test --update`; `promptops test` fails when a rendering changes.',
  ];
  const sections = [...sets]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((set) => `═══ sample set: ${set.name} ═══\n${renderedAsText(set.rendered).replace(/\r\n?/g, '\n')}`);
  return `${[header.join('\n'), ...sections].join('\n\n')}\n`;
}

/** A unified diff from the stored snapshot to the new rendering, for the test report. */
export function snapshotDiff(snapshotPath: string, stored: string, current: string): string {
  return createTwoFilesPatch(snapshotPath, snapshotPath, stored, current, 'snapshot', 'current rendering', { context: 3 });
}
