import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseSampleFile } from '../../../src/core/samples/sampleSets';
import { openPromptFile, type PromptFileInRepository } from '../../../src/node/promptFileInRepository';
import type { ResolvedVersion } from '../../../src/node/promptVersionResolver';
import { readVersionText, renderVersion, workingSampleFile, workingSampleFileModifiedTime } from '../../../src/node/renderedVersion';
import { GitFixture } from './gitFixture';

describe('Rendering a version of a prompt', () => {
  let fixture: GitFixture;
  let file: PromptFileInRepository;
  let version: ResolvedVersion;
  let sidecar: string;

  beforeEach(async () => {
    fixture = GitFixture.create();
    const commit = fixture.commit('v1', { files: { 'p/greet.prompt': 'Hi {{name}}\r\nbye\r\n', 'p/_style.prompt': 'styled' } });
    file = await openPromptFile(path.join(fixture.root, 'p', 'greet.prompt'));
    version = { kind: 'commit', commit, path: 'p/greet.prompt', blob: fixture.git(['rev-parse', `${commit}:p/greet.prompt`]), short: commit.slice(0, 7) };
    sidecar = path.join(fixture.root, 'p', 'greet.samples.yaml');
  });

  afterEach(() => fixture.dispose());

  it('without a sidecar there are no sample sets, the state is "none" and the modified time 0', () => {
    assert.deepEqual(workingSampleFile(file), { ok: true, samples: undefined, state: 'none' });
    assert.equal(workingSampleFileModifiedTime(file.workingFile), 0);
  });

  it('a sidecar gives its sets, a state of its path and SHA-256, and its modified time', () => {
    fixture.write('p/greet.samples.yaml', 'ada:\n  name: Ada\n');
    const read = workingSampleFile(file);
    assert.equal(read.ok, true);
    assert.equal(read.state, `${sidecar}\u0000781aff3d0aa8f500381459180519d54d4ec7545656b109ac0c7ae4d28c031324`);
    assert.ok(read.ok && read.samples !== undefined);
    assert.ok(workingSampleFileModifiedTime(file.workingFile) > 0);
  });

  it('a sidecar that does not parse is a problem at its line, not an empty set of samples', () => {
    fixture.write('p/greet.samples.yaml', 'ada: [unclosed\n');
    assert.deepEqual(workingSampleFile(file), {
      ok: false,
      problem: `${sidecar}:1:14: Flow sequence in block collection must be sufficiently indented and end with a ].`,
      state: `${sidecar}\u000037f2ea155c5652e226a7f0fa700e6f94458e4107fc6bb09a0ce330b29818a253`,
    });
  });

  it('a sidecar that is not text is a problem, and the problem is its state', () => {
    fixture.write('p/greet.samples.yaml', new Uint8Array([0x61, 0x3a, 0xff, 0x0a]));
    const problem = `${sidecar} is not valid UTF-8 text: the byte at line 1, column 3 is not UTF-8.`;
    assert.deepEqual(workingSampleFile(file), { ok: false, problem, state: `${sidecar}\u0000${problem}` });
  });

  it('renders with the first sample set, line endings made \\n, ending in a newline', async () => {
    const samples = parseSampleFile('p/greet.samples.yaml', 'ada:\n  name: Ada\n');
    assert.deepEqual(await renderVersion(file, version, 'Hi {{name}}\r\nbye\r\n', samples, { kind: 'set' }), { ok: true, text: '── user ──\nHi Ada\nbye\n\n', setName: 'ada' });
    assert.deepEqual(await renderVersion(file, version, 'Hi {{name}}\rbye', undefined, { kind: 'custom', input: { name: 'Bo' } }), { ok: true, text: '── user ──\nHi Bo\nbye\n', setName: undefined });
  });

  it('renders with the partials of that version', async () => {
    assert.deepEqual(await renderVersion(file, version, '{{> style}} {{name}}\n', undefined, { kind: 'custom', input: { name: 'Bo' } }), { ok: true, text: '── user ──\nstyled Bo\n\n', setName: undefined });
  });

  it('a sample set that does not exist is a problem, not a render failure', async () => {
    const samples = parseSampleFile('p/greet.samples.yaml', 'ada:\n  name: Ada\n');
    assert.deepEqual(await renderVersion(file, version, 'Hi {{name}}\n', samples, { kind: 'set', name: 'nope' }), { ok: false, problem: 'There is no sample set "nope"; the sets are "ada".', renderFailed: false });
  });

  it('a version that does not render says so with its title and the problem at its line, ending in one full stop', async () => {
    const title = `greet.prompt (${version.kind === 'commit' ? version.short : ''})`;
    assert.deepEqual(await renderVersion(file, version, 'Hi {{#if}}\n', undefined, { kind: 'set' }), {
      ok: false,
      problem: `${title} does not render: p/greet.prompt:1:4: {{#if}} is never closed; add {{/if}} after its content.`,
      renderFailed: true,
    });
  });

  it('the text of a version is its bytes at that commit', async () => {
    assert.deepEqual(await readVersionText(file, version), { ok: true, text: 'Hi {{name}}\r\nbye\r\n' });
  });
});
