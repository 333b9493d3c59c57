import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPrompt } from '../../../../src/core/checks/checkPrompt';
import { renderPromptSource } from '../../../../src/core/rendering/promptRendering';

// Prompty's own fixtures (MIT), read from ../shared/specs beside the checkout, never copied.
const specRoot = path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'specs', 'prompty');

describe('Prompty conformance: the Prompty project fixtures', function () {
  before(function () {
    if (!fs.existsSync(specRoot)) {
      console.log(`    Prompty conformance skipped: ${specRoot} is absent`);
      this.skip();
    }
  });

  it('every fixture parses without a syntax or front matter error and renders with its defaults', async () => {
    const files = fs.readdirSync(specRoot).filter((name) => name.endsWith('.prompty')).sort();
    assert.ok(files.length >= 10, `found ${files.length} fixtures`);
    const problems: string[] = [];
    for (const name of files) {
      const text = fs.readFileSync(path.join(specRoot, name), 'utf8');
      for (const diagnostic of checkPrompt({ path: name, text }).filter((found) => found.severity === 'error')) problems.push(`${name}: ${diagnostic.code}: ${diagnostic.message}`);
      const outcome = await renderPromptSource({ path: name, source: text, input: {}, partials: () => undefined });
      if (!outcome.ok) problems.push(`${name}: does not render: ${outcome.error}`);
      else if (outcome.rendered.messages.length === 0) problems.push(`${name}: renders no message`);
    }
    assert.deepEqual(problems, []);
  });

  it('renders basic.prompty exactly as Prompty documents it', async () => {
    const text = fs.readFileSync(path.join(specRoot, 'basic.prompty'), 'utf8');
    const outcome = await renderPromptSource({ path: 'basic.prompty', source: text, input: { question: 'Why?' }, partials: () => undefined });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.rendered.messages, [
      { role: 'system', content: [{ text: 'You are an AI assistant who helps people find information.\n\n# Customer\nYou are helping Jane Doe to find answers to their questions.' }] },
      { role: 'user', content: [{ text: 'Why?' }] },
    ]);
  });
});
