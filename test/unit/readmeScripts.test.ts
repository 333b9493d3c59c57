import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { npmScriptsNamed } from '../harness/readmeCommands';

const root = path.resolve(__dirname, '..', '..', '..');

describe('README.md', () => {
  it('names only npm scripts that package.json defines', () => {
    const named = npmScriptsNamed(fs.readFileSync(path.join(root, 'README.md'), 'utf8'));
    const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // The install and test commands are there, so the scan cannot pass by finding nothing.
    for (const expected of ['package', 'test', 'start', 'bench']) assert.ok(named.includes(expected), `the scan found no "npm ... ${expected}" in README.md`);
    const missing = named.filter((name) => !Object.hasOwn(scripts, name));
    assert.deepEqual(missing, [], `README.md tells readers to run npm scripts package.json lacks: ${missing.join(', ')}`);
  });

  it('finds npm run, npm start and npm test in prose and in command blocks', () => {
    const markdown = 'Run `npm run build -- --watch` or\n\n```sh\nnpm ci && npm start\nnpm run-script bench:editor\nnpm test\n```\nnot npm install.';
    assert.deepEqual(npmScriptsNamed(markdown), ['build', 'start', 'bench:editor', 'test']);
  });
});
