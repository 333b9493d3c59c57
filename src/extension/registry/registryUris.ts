import * as vscode from 'vscode';
import { versionScheme } from '../versions/versionUri';

/** Registry prompts in the view carry this scheme, so drift decorations can find them. */
export const registryPromptScheme = 'promptops-registry';

/** The URI the Registry view gives a prompt node. */
export function registryPromptUri(name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: registryPromptScheme, path: `/${name}` });
}

/** A registry version as a read-only document: what it names. */
export interface RegistryVersionReference {
  readonly registry: string;
  readonly name: string;
  readonly version: number;
  /** How the tab names it, e.g. `v3 production`. */
  readonly title: string;
  /** The extension of the format it is shown in (that of the file it was pushed from), so it opens in that language with its checks; `.prompt` when absent. */
  readonly extension?: string | undefined;
}

/** The `promptops:` URI of a registry version; its path ends in the format's extension, so it opens in that language with checks. */
export function registryVersionUri(reference: RegistryVersionReference): vscode.Uri {
  return vscode.Uri.from({ scheme: versionScheme, path: `/langfuse/${reference.name}${reference.extension ?? '.prompt'}`, query: JSON.stringify({ ...reference, registryVersion: true }) });
}

/** Reads a registry version URI back, or undefined for any other URI. */
export function parseRegistryVersionUri(uri: vscode.Uri): RegistryVersionReference | undefined {
  if (uri.scheme !== versionScheme || !uri.query.includes('registryVersion')) return undefined;
  try {
    const value = JSON.parse(uri.query) as Partial<RegistryVersionReference> & { registryVersion?: unknown };
    if (value.registryVersion !== true || typeof value.registry !== 'string' || typeof value.name !== 'string' || typeof value.version !== 'number' || typeof value.title !== 'string') return undefined;
    return { registry: value.registry, name: value.name, version: value.version, title: value.title };
  } catch {
    return undefined; // A query that is not JSON was not written by PromptOps: the URI is not a registry version.
  }
}
