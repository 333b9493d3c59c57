import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FlagdProvider } from '@openfeature/flagd-provider';
import { OpenFeature } from '@openfeature/server-sdk';
import { loadPromptBundle, PromptBundleError, resolvePromptWithFlags, verifyPromptBundle, type PromptBundleJson, type PromptFlagClient } from '../../../src/runtime/promptRuntime';
import { flagdClient, flagdEngine } from './flagdEngine';

const sources = {
  v1: '---\ninput:\n  schema:\n    ticket: string\n---\nSummarize: {{ticket}}\n',
  v2: '---\ninput:\n  schema:\n    ticket: string\n---\nSummarize in three bullets: {{ticket}}\n',
  v3: '---\ninput:\n  schema:\n    ticket: string\n---\nSummarize in one line: {{ticket}}\n',
};
const v1 = '1'.repeat(40);
const v2 = '2'.repeat(40);
const v3 = '3'.repeat(40);
const flagKey = 'promptops.support/summarize.production';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function bundled(commit: string, source: string) {
  return { commit, path: 'support/summarize.prompt', sha256: sha256(source), source, partials: {} };
}

/** What `promptops publish --bundle` writes after promote v1, promote v2, canary v3 at 20%: v1 rides along as the rollback target. */
const bundleJson: PromptBundleJson = {
  format: 'promptops-bundle/1',
  labels: ['production'],
  prompts: {
    'support/summarize': {
      labels: { production: bundled(v2, sources.v2) },
      canary: { production: { ...bundled(v3, sources.v3), weight: 20 } },
      versions: { [v1]: bundled(v1, sources.v1) },
    },
  },
};
const bundle = loadPromptBundle(bundleJson);

const variant = (commit: string, source: string) => ({ commit, sha256: sha256(source), path: 'support/summarize.prompt' });

/** A flag file as `promptops publish` writes it: default `current`, and a 20% canary when given. */
function flagFile(current: string, canary?: string): string {
  const variants = { [v2]: variant(v2, sources.v2), [v3]: variant(v3, sources.v3), [v1]: variant(v1, sources.v1) };
  const flag = {
    state: 'ENABLED',
    variants,
    defaultVariant: current,
    ...(canary ? { targeting: { fractional: [[current, 80], [canary, 20]] } } : {}),
    metadata: { prompt: 'support/summarize', label: 'production', ...(canary ? { canary, canaryWeight: 20 } : {}) },
  };
  return JSON.stringify({ $schema: 'https://flagd.dev/schema/v0/flags.json', flags: { [flagKey]: flag } });
}

const through = (flags: string): PromptFlagClient => flagdClient(flagdEngine(flags));

describe('Runtime: resolving prompts through OpenFeature flags', () => {
  it('serves the version the flag names, with the variant and the engine reason in the provenance', async () => {
    const served = await resolvePromptWithFlags(bundle, through(flagFile(v2)), 'support/summarize', 'production', 'customer-7');
    assert.equal(served.source, sources.v2);
    assert.deepEqual(served.provenance, { id: 'support/summarize', label: 'production', commit: v2, sha256: sha256(sources.v2), arm: 'stable', flagKey, variant: v2, reason: 'STATIC' });
  });

  it('a canary through flagd: units bucketed into the canary get it on the canary arm, the rest the label version', async () => {
    const client = through(flagFile(v2, v3));
    const served = { canary: 0, stable: 0 };
    for (let unit = 0; unit < 1000; unit++) {
      const resolved = await resolvePromptWithFlags(bundle, client, 'support/summarize', 'production', `customer-${unit}`);
      assert.equal(resolved.provenance.reason, 'TARGETING_MATCH');
      assert.equal(resolved.provenance.commit, resolved.provenance.arm === 'canary' ? v3 : v2);
      assert.equal(resolved.source, resolved.provenance.arm === 'canary' ? sources.v3 : sources.v2);
      served[resolved.provenance.arm]++;
    }
    assert.ok(served.canary > 150 && served.canary < 250, `${served.canary} of 1,000 units on a 20% canary`);
  });

  it('after a rollback published as a flag change, serves the rollback target the bundle carries, with no new bundle', async () => {
    const served = await resolvePromptWithFlags(bundle, through(flagFile(v1)), 'support/summarize', 'production', 'customer-7');
    assert.equal(served.source, sources.v1);
    assert.deepEqual(served.provenance, { id: 'support/summarize', label: 'production', commit: v1, sha256: sha256(sources.v1), arm: 'stable', flagKey, variant: v1, reason: 'STATIC' });
  });

  it('falls back to what the bundle serves when the flag is missing, and says so', async () => {
    const empty = through(JSON.stringify({ flags: {} }));
    const served = await resolvePromptWithFlags(bundle, empty, 'support/summarize', 'production');
    assert.equal(served.source, sources.v2);
    assert.deepEqual(served.provenance, {
      id: 'support/summarize',
      label: 'production',
      commit: v2,
      sha256: sha256(sources.v2),
      arm: 'stable',
      flagKey,
      variant: undefined,
      reason: 'FALLBACK',
      fallback: "The flag promptops.support/summarize.production was not evaluated (FLAG_NOT_FOUND: flag 'promptops.support/summarize.production' not found).",
    });
  });

  it('falls back when the flag names a version the bundle does not carry, or a commit whose hash differs', async () => {
    const unknown = '4'.repeat(40);
    const flags = JSON.stringify({ flags: { [flagKey]: { state: 'ENABLED', variants: { [unknown]: variant(unknown, 'v4') }, defaultVariant: unknown } } });
    const served = await resolvePromptWithFlags(bundle, through(flags), 'support/summarize', 'production');
    assert.deepEqual([served.provenance.commit, served.provenance.variant, served.provenance.reason, served.provenance.fallback], [
      v2,
      unknown,
      'FALLBACK',
      'The flag promptops.support/summarize.production names 4444444444444444444444444444444444444444, which this bundle does not carry; export and deploy the bundle again.',
    ]);
    const forged = JSON.stringify({ flags: { [flagKey]: { state: 'ENABLED', variants: { [v1]: variant(v1, 'other bytes') }, defaultVariant: v1 } } });
    assert.equal((await resolvePromptWithFlags(bundle, through(forged), 'support/summarize', 'production')).provenance.commit, v2);
  });

  it('falls back, on the bundle canary for units in it, when the client throws or the flag has the wrong type', async () => {
    const throwing: PromptFlagClient = { getObjectDetails: () => Promise.reject(new Error('provider is not ready')) };
    // customer-15's canary bucket is 3, below the bundle canary's 20%; customer-0's is 72.
    const served = await resolvePromptWithFlags(bundle, throwing, 'support/summarize', 'production', 'customer-15');
    assert.deepEqual([served.provenance.arm, served.provenance.commit, served.provenance.fallback], ['canary', v3, 'Evaluating promptops.support/summarize.production failed (provider is not ready).']);
    assert.deepEqual([(await resolvePromptWithFlags(bundle, throwing, 'support/summarize', 'production', 'customer-0')).provenance.commit], [v2]);
    const text = JSON.stringify({ flags: { [flagKey]: { state: 'ENABLED', variants: { on: 'v1' }, defaultVariant: 'on' } } });
    const mistyped = await resolvePromptWithFlags(bundle, through(text), 'support/summarize', 'production', 'customer-2');
    assert.equal(mistyped.provenance.reason, 'FALLBACK');
    assert.match(mistyped.provenance.fallback ?? '', /^The flag promptops\.support\/summarize\.production was not evaluated \(TYPE_MISMATCH: /);
  });

  it('falls back on what the bundle serves when a client reports an error code or an ERROR reason, and says which', async () => {
    // Providers differ: some set only an error code (with reason DEFAULT), some only the ERROR reason; either way the value is not trusted.
    const answering = (details: object): PromptFlagClient => ({ getObjectDetails: () => Promise.resolve({ value: variant(v1, sources.v1), variant: v1, ...details }) });
    const cases: [object, string][] = [
      [{ reason: 'DEFAULT', errorCode: 'FLAG_NOT_FOUND' }, 'The flag promptops.support/summarize.production was not evaluated (FLAG_NOT_FOUND).'],
      [{ reason: 'ERROR', errorMessage: 'provider is not ready' }, 'The flag promptops.support/summarize.production was not evaluated (ERROR: provider is not ready).'],
      [{ reason: 'ERROR', errorCode: 'PARSE_ERROR', errorMessage: 'bad JSON' }, 'The flag promptops.support/summarize.production was not evaluated (PARSE_ERROR: bad JSON).'],
    ];
    for (const [details, why] of cases) {
      const served = await resolvePromptWithFlags(bundle, answering(details), 'support/summarize', 'production', 'customer-0');
      assert.deepEqual([served.provenance.commit, served.provenance.reason, served.provenance.fallback], [v2, 'FALLBACK', why]);
    }
  });

  it('falls back when the flag answers with something that is not a prompt version, keeping the variant it named', async () => {
    const odd: PromptFlagClient = { getObjectDetails: () => Promise.resolve({ value: { commit: v1 }, variant: 'half', reason: 'STATIC' }) };
    const served = await resolvePromptWithFlags(bundle, odd, 'support/summarize', 'production', 'customer-0');
    assert.deepEqual(
      [served.provenance.commit, served.provenance.variant, served.provenance.fallback],
      [v2, 'half', 'The flag promptops.support/summarize.production gave a value that is not a prompt version.'],
    );
  });

  it('serves a version the flag names even for a label the bundle lacks, and rejects only when nothing can serve', async () => {
    const stagingFlag = JSON.stringify({ flags: { 'promptops.support/summarize.staging': { state: 'ENABLED', variants: { [v1]: variant(v1, sources.v1) }, defaultVariant: v1 } } });
    const served = await resolvePromptWithFlags(bundle, through(stagingFlag), 'support/summarize', 'staging');
    assert.deepEqual([served.source, served.provenance.reason], [sources.v1, 'STATIC']);
    await assert.rejects(
      resolvePromptWithFlags(bundle, through(JSON.stringify({ flags: {} })), 'support/summarize', 'staging'),
      new PromptBundleError(
        "The flag promptops.support/summarize.staging was not evaluated (FLAG_NOT_FOUND: flag 'promptops.support/summarize.staging' not found), and the bundle has no staging version of support/summarize (it has production), so nothing can serve support/summarize staging.",
      ),
    );
  });

  it('resolves the production label when no label is given, with the engine reason or UNKNOWN when the client gives none', async () => {
    const served = await resolvePromptWithFlags(bundle, through(flagFile(v2)), 'support/summarize');
    assert.deepEqual([served.provenance.label, served.provenance.flagKey, served.provenance.commit, served.provenance.reason], ['production', flagKey, v2, 'STATIC']);
    const silent: PromptFlagClient = { getObjectDetails: () => Promise.resolve({ value: variant(v1, sources.v1), variant: v1 }) };
    const quiet = await resolvePromptWithFlags(bundle, silent, 'support/summarize', 'production');
    assert.deepEqual([quiet.provenance.commit, quiet.provenance.reason, quiet.provenance.fallback], [v1, 'UNKNOWN', undefined]);
  });

  it('evaluates a label the bundle lacks with an empty version as the default, which is never served', async () => {
    const defaults: unknown[] = [];
    // A client that answers with the default it was given, as OpenFeature clients do when a provider is not ready.
    const echoing: PromptFlagClient = {
      getObjectDetails: (_key, defaultValue) => {
        defaults.push(defaultValue);
        return Promise.resolve({ value: defaultValue, reason: 'DEFAULT' });
      },
    };
    await assert.rejects(
      resolvePromptWithFlags(bundle, echoing, 'support/summarize', 'staging'),
      new PromptBundleError(
        'The flag promptops.support/summarize.staging gave no version (an empty commit: the client answered with the default it was given), and the bundle has no staging version of support/summarize (it has production), so nothing can serve support/summarize staging.',
      ),
    );
    assert.deepEqual(defaults, [{ commit: '', sha256: '', path: '' }]);
  });

  it('keeps the dots inside a prompt id when it says that nothing can serve it', async () => {
    await assert.rejects(
      resolvePromptWithFlags(bundle, through(JSON.stringify({ flags: {} })), 'docs.faq', 'production'),
      new PromptBundleError(
        "The flag promptops.docs.faq.production was not evaluated (FLAG_NOT_FOUND: flag 'promptops.docs.faq.production' not found), and the bundle has no prompt docs.faq, so nothing can serve docs.faq production.",
      ),
    );
  });

  it('the bundle carries the rollback targets its flags name, verified like every other version', async () => {
    await verifyPromptBundle(bundle);
    const altered = { ...bundleJson, prompts: { 'support/summarize': { ...bundleJson.prompts['support/summarize'], labels: bundleJson.prompts['support/summarize']?.labels ?? {}, versions: { [v1]: { ...bundled(v1, sources.v1), source: 'changed after export' } } } } };
    await assert.rejects(verifyPromptBundle(loadPromptBundle(altered)), new PromptBundleError(`The source of support/summarize version 1111111 (support/summarize.prompt) does not match its SHA-256 ${sha256(sources.v1).slice(0, 12)}…; the bundle was changed after export.`));
    assert.throws(() => loadPromptBundle({ ...bundleJson, prompts: { 'support/summarize': { labels: {}, versions: { [v2]: bundled(v1, sources.v1) } } } }), new PromptBundleError('support/summarize version "2222222222222222222222222222222222222222" holds commit 1111111, not the one its key names; export it again.'));
  });

  describe('with the OpenFeature SDK and the flagd provider reading the published file in-process', () => {
    let folder: string;
    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-flags-'));
    });
    after(async () => {
      await OpenFeature.close();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('an OpenFeature client is a PromptFlagClient as it is, and serves the published version', async () => {
      const flags = path.join(folder, 'flags.json');
      fs.writeFileSync(flags, flagFile(v2, v3));
      await OpenFeature.setProviderAndWait('flag-resolution-test', new FlagdProvider({ resolverType: 'in-process', offlineFlagSourcePath: flags }));
      const client = OpenFeature.getClient('flag-resolution-test');
      const served = await resolvePromptWithFlags(bundle, client, 'support/summarize', 'production');
      assert.deepEqual([served.provenance.commit, served.provenance.variant, served.provenance.reason], [v2, v2, 'DEFAULT']);
      const inCanary = await resolvePromptWithFlags(bundle, client, 'support/summarize', 'production', 'customer-7');
      assert.equal(inCanary.provenance.reason, 'TARGETING_MATCH');
    });
  });
});
