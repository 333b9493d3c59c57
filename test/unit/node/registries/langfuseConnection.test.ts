import * as assert from 'node:assert/strict';
import { RegistryError } from '../../../../src/core/registry/registryError';
import { langfuseConnectionFromEnv, normalizedHost, shortKey } from '../../../../src/node/registries/langfuse/langfuseConnection';

const keys = { LANGFUSE_PUBLIC_KEY: 'pk-lf-1234567890abcdef', LANGFUSE_SECRET_KEY: 'sk-lf-secret' };

function refusal(run: () => unknown): [string, string] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof RegistryError, String(error));
    return [error.kind, error.message];
  }
  assert.fail('expected a refusal');
}

describe('the Langfuse connection from the environment', () => {
  it('prefers LANGFUSE_BASE_URL, trims every setting and drops a trailing slash', () => {
    assert.deepEqual(langfuseConnectionFromEnv({ ...keys, LANGFUSE_BASE_URL: ' https://lf.example.test/base/ ', LANGFUSE_HOST: 'http://other.test' }), {
      host: 'https://lf.example.test/base',
      publicKey: 'pk-lf-1234567890abcdef',
      secretKey: 'sk-lf-secret',
    });
    assert.equal(langfuseConnectionFromEnv({ ...keys, LANGFUSE_HOST: 'http://localhost:3000' }).host, 'http://localhost:3000');
  });

  it('takes a setting of only spaces for unset: LANGFUSE_HOST is used, a blank key is named', () => {
    assert.equal(langfuseConnectionFromEnv({ ...keys, LANGFUSE_BASE_URL: '   ', LANGFUSE_HOST: 'http://localhost:3000' }).host, 'http://localhost:3000');
    assert.deepEqual(refusal(() => langfuseConnectionFromEnv({ ...keys, LANGFUSE_BASE_URL: '', LANGFUSE_HOST: ' ' })), [
      'configuration',
      "Set LANGFUSE_HOST (or LANGFUSE_BASE_URL) to your Langfuse server's address to use --source langfuse.",
    ]);
    assert.deepEqual(refusal(() => langfuseConnectionFromEnv({ ...keys, LANGFUSE_HOST: 'http://h.test', LANGFUSE_PUBLIC_KEY: ' ' })), [
      'configuration',
      "Set LANGFUSE_PUBLIC_KEY (the project's public key, pk-lf-…) to use --source langfuse.",
    ]);
    assert.deepEqual(refusal(() => langfuseConnectionFromEnv({ ...keys, LANGFUSE_HOST: 'http://h.test', LANGFUSE_SECRET_KEY: '' })), [
      'configuration',
      "Set LANGFUSE_SECRET_KEY (the project's secret key) to use --source langfuse.",
    ]);
  });

  it('names the setting that holds a bad address, and never echoes credentials in it', () => {
    assert.deepEqual(refusal(() => langfuseConnectionFromEnv({ ...keys, LANGFUSE_BASE_URL: 'not a url' })), [
      'configuration',
      "LANGFUSE_BASE_URL is not a URL; set it to your Langfuse server's address, such as http://localhost:3000.",
    ]);
    assert.deepEqual(refusal(() => normalizedHost('ftp://h.test', 'LANGFUSE_HOST')), ['configuration', 'LANGFUSE_HOST must be an http or https URL.']);
    const [, message] = refusal(() => langfuseConnectionFromEnv({ ...keys, LANGFUSE_HOST: 'https://user:hunter2@h.test' }));
    assert.equal(message, 'LANGFUSE_HOST must not contain credentials; set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY instead.');
  });

  it('shortens a public key to 12 characters for messages', () => {
    assert.equal(shortKey('pk-lf-1234567890abcdef'), 'pk-lf-123456…');
    assert.equal(shortKey('pk-lf-123456'), 'pk-lf-123456');
  });
});
