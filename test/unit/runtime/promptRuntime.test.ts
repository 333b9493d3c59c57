import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  canaryBucket,
  loadPromptBundle,
  PromptBundleError,
  renderResolved,
  resolvePrompt,
  verifyPromptBundle,
  type PromptBundleJson,
} from '../../../src/runtime/promptRuntime';

const stableSource = '---\ninput:\n  schema:\n    name: string\n  default:\n    name: there\n---\n{{> greeting}} {{name}}, from stable.\n';
const canarySource = '---\ninput:\n  schema:\n    name: string\n---\nHi {{name}}, from the canary.\n';
const partialSource = 'Hello';
const stableCommit = 'a'.repeat(40);
const canaryCommit = 'b'.repeat(40);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function bundleJson(weight = 10): PromptBundleJson {
  return {
    format: 'promptops-bundle/1',
    labels: ['production'],
    prompts: {
      greet: {
        labels: {
          production: { commit: stableCommit, path: 'greet.prompt', sha256: sha256(stableSource), source: stableSource, partials: { greeting: { path: '_greeting.prompt', sha256: sha256(partialSource), source: partialSource } } },
        },
        canary: { production: { commit: canaryCommit, path: 'greet.prompt', sha256: sha256(canarySource), source: canarySource, partials: {}, weight } },
      },
      constructor: { labels: { production: { commit: stableCommit, path: 'c.prompty', sha256: sha256('x'), source: 'x', partials: {} } } },
    },
  };
}

describe('Runtime: loading and resolving bundles', () => {
  it('loads a bundle from JSON text or an object', () => {
    const fromText = loadPromptBundle(JSON.stringify(bundleJson()));
    const fromObject = loadPromptBundle(bundleJson());
    assert.deepEqual(fromText, fromObject);
    assert.deepEqual([...fromText.prompts.keys()], ['greet', 'constructor']);
  });

  it('refuses what is not a valid promptops-bundle/1, in one sentence', () => {
    const broken: [unknown, RegExp][] = [
      ['{', /^The prompt bundle is not JSON: .+\.$/],
      [{ ...bundleJson(), format: 'promptops-bundle/2' }, /^This is not a promptops-bundle\/1 bundle \(format is "promptops-bundle\/2"\); export it again with this version of promptops\.$/],
      [{ ...bundleJson(), prompts: [] }, /^The bundle's "prompts" must be an object\.$/],
      [JSON.parse(JSON.stringify(bundleJson()).replace(stableCommit, 'nope')), /^greet production has no valid commit\.$/],
      [JSON.parse(JSON.stringify(bundleJson()).replace('"weight":10', '"weight":100')), /^The canary of greet production needs a weight from 1 to 99\.$/],
    ];
    for (const [input, message] of broken) assert.throws(() => loadPromptBundle(input), (error: unknown) => error instanceof PromptBundleError && message.test(error.message));
  });

  it('resolves the label\'s version with its provenance; without a unit key the canary is never chosen', () => {
    const bundle = loadPromptBundle(bundleJson(99));
    const resolved = resolvePrompt(bundle, 'greet');
    assert.equal(resolved.source, stableSource);
    assert.deepEqual(resolved.provenance, { id: 'greet', label: 'production', commit: stableCommit, sha256: sha256(stableSource), arm: 'stable' });
    assert.deepEqual([...resolved.partials], [['greeting', 'Hello']]);
    assert.equal(resolvePrompt(bundle, 'constructor', 'production').path, 'c.prompty');
  });

  it('names a missing prompt or label', () => {
    const bundle = loadPromptBundle(bundleJson());
    assert.throws(() => resolvePrompt(bundle, 'toString'), { message: 'The prompt bundle has no prompt toString.' });
    assert.throws(() => resolvePrompt(bundle, 'greet', 'staging'), { message: 'The prompt bundle has no staging version of greet (it has production).' });
  });

  it('assigns units to the canary stickily: the same key always lands in the same arm', () => {
    const bundle = loadPromptBundle(bundleJson(50));
    for (let i = 0; i < 200; i++) {
      const key = `user-${i}`;
      assert.equal(resolvePrompt(bundle, 'greet', 'production', key).provenance.arm, resolvePrompt(loadPromptBundle(bundleJson(50)), 'greet', 'production', key).provenance.arm);
    }
    // Buckets from the reference below: user-0 → 49, user-3 → 91, user-4 → 0.
    const arms = ['user-0', 'user-3', 'user-4'].map((key) => resolvePrompt(bundle, 'greet', 'production', key).provenance);
    assert.deepEqual(arms.map(({ arm, commit }) => [arm, commit]), [
      ['canary', canaryCommit],
      ['stable', stableCommit],
      ['canary', canaryCommit],
    ]);
  });

  it('a unit whose bucket equals the canary weight stays on the stable version; one below it gets the canary', () => {
    // user-0's bucket for greet is 49.
    assert.equal(resolvePrompt(loadPromptBundle(bundleJson(49)), 'greet', 'production', 'user-0').provenance.arm, 'stable');
    assert.equal(resolvePrompt(loadPromptBundle(bundleJson(50)), 'greet', 'production', 'user-0').provenance.arm, 'canary');
    // user-4's bucket is 0: even a 1% canary takes it.
    assert.equal(resolvePrompt(loadPromptBundle(bundleJson(1)), 'greet', 'production', 'user-4').provenance.arm, 'canary');
  });

  it('over 100,000 unit keys the canary share is within 1 percentage point of its weight', () => {
    for (const weight of [1, 10, 25, 50, 90]) {
      const bundle = loadPromptBundle(bundleJson(weight));
      let canary = 0;
      for (let i = 0; i < 100_000; i++) if (resolvePrompt(bundle, 'greet', 'production', `user-${i}`).provenance.arm === 'canary') canary++;
      const share = canary / 1000;
      assert.ok(Math.abs(share - weight) <= 1, `weight ${weight}%: observed ${share}%`);
    }
  });

  it('raising a canary\'s weight only adds units to it', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `session-${i}`);
    const inCanary = (weight: number) => {
      const bundle = loadPromptBundle(bundleJson(weight));
      return new Set(keys.filter((key) => resolvePrompt(bundle, 'greet', 'production', key).provenance.arm === 'canary'));
    };
    const at10 = inCanary(10);
    const at30 = inCanary(30);
    for (const key of at10) assert.ok(at30.has(key), key);
    assert.ok(at30.size > at10.size);
  });

  it('computes buckets other languages can reproduce (FNV-1a 32, MurmurHash3 finalizer, high bits to 0-99)', () => {
    assert.deepEqual(
      [canaryBucket('support/summarize', 'user-1'), canaryBucket('support/summarize', 'user-2'), canaryBucket('greet', ''), canaryBucket('ünïcode', '🙂')],
      [reference('support/summarize\nuser-1'), reference('support/summarize\nuser-2'), reference('greet\n'), reference('ünïcode\n🙂')],
    );
    // The same four written down, so a change to the reference above cannot hide a change to the algorithm.
    assert.deepEqual([canaryBucket('support/summarize', 'user-1'), canaryBucket('support/summarize', 'user-2'), canaryBucket('greet', ''), canaryBucket('ünïcode', '🙂')], [2, 42, 62, 75]);
  });

  it('renders the resolved version with its own engine, defaults and partials included: dotprompt for .prompt, Prompty for .prompty', async () => {
    const bundle = loadPromptBundle(bundleJson());
    const rendered = await renderResolved(resolvePrompt(bundle, 'greet'), {});
    assert.deepEqual(rendered.messages, [{ role: 'user', content: [{ text: 'Hello there, from stable.' }] }]);
    const prompty = await renderResolved(resolvePrompt(bundle, 'constructor'));
    assert.deepEqual(prompty.messages, [{ role: 'system', content: [{ text: 'x' }] }]);
  });

  it('verifies every source and partial against its sha256', async () => {
    await verifyPromptBundle(loadPromptBundle(bundleJson()));
    const tampered = JSON.parse(JSON.stringify(bundleJson()).replace('from the canary', 'from an attacker'));
    await assert.rejects(verifyPromptBundle(loadPromptBundle(tampered)), /^PromptBundleError: The source of greet production canary \(greet\.prompt\) does not match its SHA-256 [0-9a-f]{12}…; the bundle was changed after export\.$/);
  });
});

/** The bucket algorithm written out independently, byte by byte, as another language would. */
function reference(text: string): number {
  let hash = 2166136261;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash = (hash ^ byte) >>> 0;
    hash = Number((BigInt(hash) * 16777619n) % 4294967296n);
  }
  hash = (hash ^ (hash >>> 16)) >>> 0;
  hash = Number((BigInt(hash) * 0x85ebca6bn) % 4294967296n);
  hash = (hash ^ (hash >>> 13)) >>> 0;
  hash = Number((BigInt(hash) * 0xc2b2ae35n) % 4294967296n);
  hash = (hash ^ (hash >>> 16)) >>> 0;
  return Math.floor((hash * 100) / 4294967296);
}

describe('Runtime: nothing broken is rendered or loaded', () => {
  const commit = 'c'.repeat(40);
  const bundleWith = (source: string, partials: Record<string, string> = {}): PromptBundleJson => ({
    format: 'promptops-bundle/1',
    labels: ['production'],
    prompts: {
      'support/summarize': {
        labels: {
          production: {
            commit,
            path: 'support/summarize.prompt',
            sha256: sha256(source),
            source,
            partials: Object.fromEntries(Object.entries(partials).map(([name, text]) => [name, { path: `support/_${name}.prompt`, sha256: sha256(text), source: text }])),
          },
        },
      },
    },
  });

  it('renderResolved never sends front matter as a message: unclosed or unparsable front matter is refused at its line', async () => {
    const cases: [string, string][] = [
      ['---\nmodel: m\nSummarize {{ticket}}\n', 'support/summarize (ccccccc) does not render: support/summarize.prompt:1:1: The front matter opened here is never closed by a --- line, so dotprompt renders the whole file as the template.'],
      ['---\nmodel: [m\n---\nSummarize {{ticket}}\n', 'support/summarize (ccccccc) does not render: support/summarize.prompt:2:9: Flow sequence in block collection must be sufficiently indented and end with a ].'],
    ];
    for (const [source, message] of cases) {
      const resolved = { source, path: 'support/summarize.prompt', partials: new Map<string, string>(), provenance: { id: 'support/summarize', label: 'production', commit, sha256: sha256(source), arm: 'stable' as const } };
      await assert.rejects(renderResolved(resolved, { ticket: 'T-1' }), (error: unknown) => error instanceof PromptBundleError && error.message === message);
    }
  });

  it('a bundle entry that does not parse is rejected at load time, naming its id and commit', () => {
    assert.throws(
      () => loadPromptBundle(bundleWith('---\nmodel: m\n---\nSummarize {{#each tickets}}{{this}}\n')),
      (error: unknown) =>
        error instanceof PromptBundleError &&
        error.message === 'support/summarize production (ccccccc) does not parse: support/summarize.prompt:4:11: {{#each tickets}} is never closed; add {{/each}} after its content.',
    );
  });

  it('verifyPromptBundle fails when a partial the source includes (directly or through another partial) is not in the bundle', async () => {
    const source = '---\nmodel: m\n---\n{{> header}} Summarize {{ticket}}\n';
    await verifyPromptBundle(loadPromptBundle(bundleWith(source, { header: 'Hi {{> sign}}', sign: '-- Support' })));
    await assert.rejects(
      verifyPromptBundle(loadPromptBundle(bundleWith(source, { header: 'Hi {{> sign}}' }))),
      (error: unknown) => error instanceof PromptBundleError && error.message === 'support/summarize production (support/summarize.prompt) includes the partial sign, which the bundle does not carry; export it again.',
    );
    await assert.rejects(verifyPromptBundle(loadPromptBundle(bundleWith(source))), /includes the partial header, which the bundle does not carry/);
  });

  it('a partial cycle in a bundle stops the render with the checker\'s sentence instead of overflowing the stack', async () => {
    const source = '---\nmodel: m\n---\n{{> header}} Summarize {{ticket}}\n';
    const bundle = loadPromptBundle(bundleWith(source, { header: 'Hi {{> sign}}', sign: '-- {{> header}}' }));
    await assert.rejects(
      renderResolved(resolvePrompt(bundle, 'support/summarize'), { ticket: 'T-1' }),
      (error: unknown) =>
        error instanceof PromptBundleError &&
        error.message === 'support/summarize (ccccccc) does not render: support/summarize.prompt:4:5: The partials include each other in a cycle (header → sign → header), so rendering would never end.',
    );
  });
});
