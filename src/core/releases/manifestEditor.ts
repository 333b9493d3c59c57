import { isMap, isScalar, isSeq, visit, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { manifestErrors, pairOf, type ParsedReleaseManifest } from './manifestParser';
import { manifestFormatVersion, type CanaryTarget, type ReleaseEvent, type ReleaseTarget } from './releaseManifest';
import type { ReleaseMove } from './releaseMoves';

/** The comment a new manifest starts with. */
export const manifestHeaderComment = ' Which prompt version serves each label. Reviewed in pull requests; written by promptops promote/rollback/canary.';

/** How the file lays out YAML, so a change rewrites only what it changes. */
interface ManifestStyle {
  readonly indent: number;
  readonly indentSeq: boolean;
  readonly flowCollectionPadding: boolean;
  readonly lineBreak: '\n' | '\r\n';
}

/**
 * Applies a move to the parsed manifest and returns the new text: the label and canary entries
 * change in place, events are appended at the end of `events`, and comments, key order, flow or
 * block style and indentation of everything else are kept. A missing manifest starts with a header
 * comment. Throws when the manifest has errors: callers refuse those before planning a move.
 */
export function applyReleaseMove(parsed: ParsedReleaseManifest, move: ReleaseMove): string {
  const [error] = manifestErrors(parsed);
  if (error) throw new Error(`A manifest with errors cannot be changed: ${error.message}`);
  const document: Document<Node> = parsed.yaml.clone();
  const style = detectStyle(parsed.text.text);
  let root: YAMLMap;
  if (isMap(document.contents)) {
    root = document.contents;
  } else {
    root = document.createNode({ version: manifestFormatVersion, prompts: {}, events: [] }) as YAMLMap;
    document.contents = root;
    if (!document.commentBefore) document.commentBefore = manifestHeaderComment;
  }
  const targetsAreFlow = existingTargetsAreFlow(root);
  const prompts = ensureMap(document, root, 'prompts', 'events');
  const entry = ensureMap(document, prompts, move.prompt);
  if (move.setLabel) setTarget(document, ensureMap(document, entry, 'labels'), move.label, move.setLabel, targetsAreFlow);
  if (move.setCanary) setTarget(document, ensureMap(document, entry, 'canary'), move.label, move.setCanary, targetsAreFlow);
  if (move.clearCanary) {
    const canaryPair = pairOf(entry, 'canary');
    if (canaryPair && isMap(canaryPair.value)) {
      const canaries = canaryPair.value;
      canaries.items = canaries.items.filter((pair) => pair !== pairOf(canaries, move.label));
      if (canaries.items.length === 0) entry.items = entry.items.filter((pair) => pair !== canaryPair);
    }
  }
  const events = ensureSeq(document, root, 'events');
  const eventsAreFlow = isMap(events.items.at(-1)) && (events.items.at(-1) as YAMLMap).flow === true;
  for (const event of move.events) {
    const node = document.createNode(eventRecord(event), { flow: eventsAreFlow });
    events.items.push(node);
  }
  keepScalarsAsWritten(document);
  let text = document.toString({ lineWidth: 0, indent: style.indent, indentSeq: style.indentSeq, flowCollectionPadding: style.flowCollectionPadding });
  if (style.lineBreak === '\r\n') text = text.replace(/\n/g, '\r\n');
  return parsed.text.hadBom ? `\uFEFF${text}` : text;
}

/**
 * yaml writes a number from its value, so a commit written as 40 digits would come back as
 * `1.2345678901234568e+39`; such scalars keep their text, as the string they always meant.
 */
function keepScalarsAsWritten(document: Document<Node>): void {
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' || node.value === null || typeof node.source !== 'string') return;
      if (node.source !== String(node.value)) node.value = node.source;
    },
  });
}

/** An event as the manifest writes it, fields in DESIGN order; a move made without a note has no `note` field, never an empty one. */
function eventRecord(event: ReleaseEvent): Record<string, unknown> {
  const { at, by, action, prompt, label, from, to, sha256, weight, note, allowedError } = event;
  return { at, by, action, prompt, label, from, to, sha256, ...(weight !== undefined ? { weight } : {}), ...(note !== '' ? { note } : {}), ...(allowedError !== undefined ? { allowedError } : {}) };
}

function targetRecord(target: ReleaseTarget | CanaryTarget): Record<string, unknown> {
  return { commit: target.commit, path: target.path, sha256: target.sha256, ...('weight' in target ? { weight: target.weight } : {}) };
}

/** Points `label` of a labels or canary map at `target`, updating an existing entry's values in place so its comments and style stay. */
function setTarget(document: Document, map: YAMLMap, label: string, target: ReleaseTarget | CanaryTarget, flow: boolean): void {
  const pair = pairOf(map, label);
  const record = targetRecord(target);
  if (pair && isMap(pair.value)) {
    const existing = pair.value;
    for (const [key, value] of Object.entries(record)) {
      const field = pairOf(existing, key);
      if (field && isScalar(field.value)) {
        field.value.value = value;
        // The old scalar's source text would otherwise hint how to write the new value.
        delete field.value.source;
      } else if (field) {
        field.value = document.createNode(value);
      } else {
        existing.items.push(document.createPair(key, value));
      }
    }
    return;
  }
  const node = document.createNode(record, { flow });
  if (pair) pair.value = node;
  else map.items.push(document.createPair(label, node));
}

/** The map under `key` in `parent`, created in block style when missing (after the other keys, or before `beforeKey`). */
function ensureMap(document: Document, parent: YAMLMap, key: string, beforeKey?: string): YAMLMap {
  const pair = pairOf(parent, key);
  if (pair && isMap(pair.value)) {
    // An empty flow map (`prompts: {}`) would otherwise grow into one long line.
    if (pair.value.items.length === 0) pair.value.flow = false;
    return pair.value;
  }
  const map = document.createNode({}) as YAMLMap;
  if (pair) {
    pair.value = map;
    return map;
  }
  const before = beforeKey === undefined ? undefined : pairOf(parent, beforeKey);
  const at = before === undefined ? parent.items.length : parent.items.indexOf(before);
  parent.items.splice(at, 0, document.createPair(key, map));
  return map;
}

function ensureSeq(document: Document, parent: YAMLMap, key: string): YAMLSeq {
  const pair = pairOf(parent, key);
  if (pair && isSeq(pair.value)) {
    if (pair.value.items.length === 0) pair.value.flow = false;
    return pair.value;
  }
  const seq = document.createNode([]) as YAMLSeq;
  if (pair) pair.value = seq;
  else parent.items.push(document.createPair(key, seq));
  return seq;
}

/** Whether the manifest writes label targets as flow maps (`production: {commit: …}`), so new ones match. */
function existingTargetsAreFlow(root: YAMLMap): boolean {
  const prompts = pairOf(root, 'prompts')?.value;
  if (!isMap(prompts)) return false;
  for (const prompt of prompts.items) {
    if (!isMap(prompt.value)) continue;
    for (const section of prompt.value.items) {
      if (!isMap(section.value)) continue;
      const first = section.value.items.find((pair) => isMap(pair.value))?.value as Node | undefined;
      if (isMap(first)) return first.flow === true;
    }
  }
  return false;
}

function detectStyle(text: string): ManifestStyle {
  const lines = text.split(/\r?\n/);
  const indented = lines.find((line) => /^ +[^\s#-]/.test(line));
  const indent = indented ? (/^ +/.exec(indented)?.[0].length ?? 2) : 2;
  const eventsLine = lines.findIndex((line) => /^events:\s*(#.*)?$/.test(line));
  const firstItem = eventsLine < 0 ? undefined : lines.slice(eventsLine + 1).find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return {
    indent: indent >= 1 && indent <= 8 ? indent : 2,
    indentSeq: firstItem === undefined || !firstItem.startsWith('-'),
    flowCollectionPadding: !/\{[^\s}]/.test(text) || /\{ \S/.test(text),
    lineBreak: text.includes('\r\n') ? '\r\n' : '\n',
  };
}
