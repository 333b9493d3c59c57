import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { loadPromptBundle, PromptBundleError, renderResolved, resolvePrompt, verifyPromptBundle } from '../../../src/runtime/promptRuntime';

const commit = 'c'.repeat(40);
const source = '---\ninput:\n  default:\n    name: there\n---\nHello {{name}}, {{> sign}}\n';
const partial = 'from the bundle.';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function version(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { commit, path: 'greet.prompt', sha256: sha256(source), source, partials: { sign: { path: '_sign.prompt', sha256: sha256(partial), source: partial } }, ...overrides };
}

/** A bundle with one prompt, `greet` (by default valid: production only), and any top-level field replaced. */
function bundle(prompt: unknown = { labels: { production: version() } }, top: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'promptops-bundle/1', labels: ['production'], prompts: { greet: prompt }, ...top };
}

function refusal(input: unknown): string {
  try {
    loadPromptBundle(input);
  } catch (error) {
    assert.ok(error instanceof PromptBundleError, String(error));
    return error.message;
  }
  return 'loaded';
}

describe('Runtime: what a bundle must hold, each refusal in one sentence', () => {
  it('the bundle itself: an object with the format, a list of labels and an object of prompts', () => {
    assert.deepEqual([refusal('[]'), refusal('null'), refusal(42), refusal('{}')], [
      'The prompt bundle must be an object.',
      'The prompt bundle must be an object.',
      'The prompt bundle must be an object.',
      'This is not a promptops-bundle/1 bundle (format is missing); export it again with this version of promptops.',
    ]);
    assert.match(refusal('{"format":'), /^The prompt bundle is not JSON: .+\.$/);
    assert.deepEqual([refusal(bundle(undefined, { labels: 'production' })), refusal(bundle(undefined, { labels: ['production', 1] })), refusal(bundle(undefined, { prompts: 'greet' }))], [
      'The bundle\'s "labels" must be a list of label names.',
      'The bundle\'s "labels" must be a list of label names.',
      'The bundle\'s "prompts" must be an object.',
    ]);
    assert.deepEqual(loadPromptBundle(bundle(undefined, { labels: ['production', 'staging'] })).labels, ['production', 'staging']);
  });

  it('each prompt and label version: commit, path, sha256 and source, each checked', () => {
    assert.deepEqual(
      [
        refusal(bundle('greet')),
        refusal(bundle({ labels: [] })),
        refusal(bundle({ labels: { production: 'x' } })),
        refusal(bundle({ labels: { production: version({ commit: 'C'.repeat(40) }) } })),
        refusal(bundle({ labels: { production: version({ commit: 'c'.repeat(39) }) } })),
        refusal(bundle({ labels: { production: version({ path: '' }) } })),
        refusal(bundle({ labels: { production: version({ sha256: 'f'.repeat(63) }) } })),
        refusal(bundle({ labels: { production: version({ source: 7 }) } })),
        refusal(bundle({ labels: { production: version({ partials: [] }) } })),
        refusal(bundle({ labels: { production: version({ partials: { sign: 'x' } }) } })),
        refusal(bundle({ labels: { production: version({ partials: { sign: { path: '_sign.prompt', sha256: 'nope', source: partial } } }) } })),
        refusal(bundle({ labels: { production: version({ partials: { sign: { sha256: sha256(partial), source: partial } } }) } })),
        refusal(bundle({ labels: { production: version({ partials: { sign: { path: '_sign.prompt', sha256: sha256(partial) } } }) } })),
      ],
      [
        'Prompt greet must be an object.',
        'The labels of greet must be an object.',
        'greet production must be an object.',
        'greet production has no valid commit.',
        'greet production has no valid commit.',
        'greet production has no valid path.',
        'greet production has no valid sha256.',
        'greet production has no valid source.',
        'The partials of greet production must be an object.',
        'Partial sign of greet production must be an object.',
        'Partial sign of greet production has no valid sha256.',
        'Partial sign of greet production has no valid path.',
        'Partial sign of greet production has no valid source.',
      ],
    );
  });

  it('a field inherited rather than written in the bundle does not count', () => {
    const inherited: object = Object.create(version());
    assert.equal(refusal(bundle({ labels: { production: inherited } })), 'greet production has no valid commit.');
  });

  it('a canary: an object for a label the prompt has, with a whole weight from 1 to 99', () => {
    const canary = (weight: unknown, label = 'production') => bundle({ labels: { production: version() }, canary: { [label]: version({ weight }) } });
    assert.deepEqual([0, 100, 12.5, '10', undefined].map((weight) => refusal(canary(weight))), Array(5).fill('The canary of greet production needs a weight from 1 to 99.'));
    assert.equal(refusal(canary(10, 'staging')), 'The canary of greet staging has no staging label to split traffic with.');
    assert.equal(refusal(bundle({ labels: { production: version() }, canary: 'x' })), 'The canary of greet must be an object.');
    assert.equal(refusal(bundle({ labels: { production: version() }, canary: { production: 'x' } })), 'The canary of greet production must be an object.');
    assert.deepEqual([1, 99].map((weight) => loadPromptBundle(canary(weight)).prompts.get('greet')?.canaries.get('production')?.weight), [1, 99]);
  });

  it('a version without partials loads with none, and an empty source is a valid source', () => {
    const loaded = loadPromptBundle(bundle({ labels: { production: { commit, path: 'empty.prompt', sha256: sha256(''), source: '' } } }));
    const production = loaded.prompts.get('greet')?.labels.get('production');
    assert.deepEqual([production?.source, production?.partials.size], ['', 0]);
  });

  it('names the labels a prompt has when asked for one it lacks, or says it has none', () => {
    assert.throws(() => resolvePrompt(loadPromptBundle(bundle({ labels: {} })), 'greet'), { message: 'The prompt bundle has no production version of greet (it has no labels).' });
    const two = loadPromptBundle(bundle({ labels: { production: version(), staging: version() } }));
    assert.throws(() => resolvePrompt(two, 'greet', 'eu'), { message: 'The prompt bundle has no eu version of greet (it has production, staging).' });
  });

  it('verification names the partial whose source was changed after export', async () => {
    const tampered = bundle({ labels: { production: version({ partials: { sign: { path: '_sign.prompt', sha256: sha256(partial), source: 'from somebody else.' } } }) } });
    await assert.rejects(verifyPromptBundle(loadPromptBundle(tampered)), {
      message: `The source of partial sign of greet production (_sign.prompt) does not match its SHA-256 ${sha256(partial).slice(0, 12)}…; the bundle was changed after export.`,
    });
    const label = bundle({ labels: { production: version({ source: 'Changed.' }) } });
    await assert.rejects(verifyPromptBundle(loadPromptBundle(label)), { message: `The source of greet production (greet.prompt) does not match its SHA-256 ${sha256(source).slice(0, 12)}…; the bundle was changed after export.` });
  });

  it('a Prompty version is not parsed as a Handlebars template: one with a Jinja filter loads and verifies as it is', async () => {
    for (const text of ['---\nname: greet\n---\nuser:\n{{ name | upper }}\n']) {
      const loaded = loadPromptBundle(bundle({ labels: { production: version({ path: 'greet.prompty', source: text, sha256: sha256(text), partials: {} }) } }));
      await verifyPromptBundle(loaded);
      assert.equal(resolvePrompt(loaded, 'greet').source, text);
    }
  });

  it('a version of a file no engine renders (greet.txt) verifies by its hash alone: its text is not read for partials', async () => {
    const text = 'Hello {{> sign}}';
    const loaded = loadPromptBundle(bundle({ labels: { production: version({ path: 'greet.txt', source: text, sha256: sha256(text), partials: {} }) } }));
    await verifyPromptBundle(loaded);
    assert.equal(resolvePrompt(loaded, 'greet').source, text);
  });

  it('a version kept for rollback: refusals name it by its short commit', () => {
    assert.deepEqual([refusal(bundle({ labels: { production: version() }, versions: 'x' })), refusal(bundle({ labels: { production: version() }, versions: { [commit]: version({ path: '' }) } }))], [
      'The versions of greet must be an object.',
      'greet version ccccccc has no valid path.',
    ]);
  });

  it('a render error that Handlebars gives without a full stop still ends in one', async () => {
    const text = '{{#each}}x{{/each}}';
    const loaded = loadPromptBundle(bundle({ labels: { production: version({ source: text, sha256: sha256(text), partials: {} }) } }));
    await assert.rejects(renderResolved(resolvePrompt(loaded, 'greet')), new PromptBundleError('greet (ccccccc) does not render: greet.prompt:1:1: Must pass iterator to #each.'));
  });

  it('renders with the caller\'s input over the default, and names a version that does not render with its short commit', async () => {
    const loaded = loadPromptBundle(bundle());
    const rendered = await renderResolved(resolvePrompt(loaded, 'greet'), { name: 'Ada' });
    assert.deepEqual(rendered.messages, [{ role: 'user', content: [{ text: 'Hello Ada, from the bundle.' }] }]);
    // It parses, so the bundle loads; only rendering finds the helper missing.
    const broken = loadPromptBundle(bundle({ labels: { production: version({ source: 'Hello {{shout name}}', sha256: sha256('Hello {{shout name}}') }) } }));
    await assert.rejects(renderResolved(resolvePrompt(broken, 'greet')), (error: unknown) => error instanceof PromptBundleError && error.message === 'greet (ccccccc) does not render: greet.prompt:1:7: The template uses the helper "shout", which dotprompt does not know.');
  });
});
