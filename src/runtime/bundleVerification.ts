import { includesMissingFrom, rendersPromptFile } from '../core/rendering/promptRendering';
import { PromptBundleError, type BundledVersion, type PromptBundle } from './promptBundle';

const encoder = new TextEncoder();

/**
 * Checks every source and partial of a bundle (labels, canaries and the rollback targets its flags
 * may name) against its SHA-256 with Web Crypto (Node 20, browsers, edge runtimes), and that every
 * partial a prompt includes is in the bundle, so an application can refuse a bundle altered after
 * export; throws PromptBundleError naming the first problem.
 */
export async function verifyPromptBundle(bundle: PromptBundle): Promise<void> {
  for (const [id, prompt] of bundle.prompts) {
    const versions: [string, BundledVersion][] = [
      ...prompt.labels,
      ...[...prompt.canaries].map(([label, canary]): [string, BundledVersion] => [`${label} canary`, canary]),
      ...[...prompt.versions].map(([commit, version]): [string, BundledVersion] => [`version ${commit.slice(0, 7)}`, version]),
    ];
    for (const [label, version] of versions) {
      await expectHash(version.source, version.sha256, `${id} ${label} (${version.path})`);
      for (const [name, partial] of version.partials) await expectHash(partial.source, partial.sha256, `partial ${name} of ${id} ${label} (${partial.path})`);
      if (!rendersPromptFile(version.path)) continue;
      const [missing] = includesMissingFrom(version.path, version.source, new Map([...version.partials].map(([name, partial]) => [name, partial.source])));
      if (missing !== undefined) {
        throw new PromptBundleError(`${id} ${label} (${version.path}) includes the partial ${missing}, which the bundle does not carry; export it again.`);
      }
    }
  }
}

async function expectHash(source: string, expected: string, what: string): Promise<void> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(source)));
  const actual = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  if (actual !== expected) throw new PromptBundleError(`The source of ${what} does not match its SHA-256 ${expected.slice(0, 12)}…; the bundle was changed after export.`);
}
