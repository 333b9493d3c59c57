import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { settingDefaults } from '../../src/extension/settingDefinitions';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};

describe('Setting names and defaults', () => {
  it('the editor reads exactly the settings package.json declares, with the same defaults', () => {
    const declared = Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([name, property]) => [name, property.default]));
    const read = Object.fromEntries(Object.entries(settingDefaults).map(([name, value]) => [`promptops.${name}`, value]));
    assert.deepEqual(read, declared);
  });

  it('the manifest defaults to prompt-releases.yaml and the gutter to production', () => {
    assert.equal(settingDefaults.releasesFile, 'prompt-releases.yaml');
    assert.equal(settingDefaults['quickDiff.label'], 'production');
  });
});
