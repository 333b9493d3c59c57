import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { renderPrompt } from '../../../src/core/formats/dotprompt/promptRenderer';
import { skipWithoutSharedSpec } from '../sharedSpecs';

// The dotprompt project's spec files (Apache-2.0), read from ../shared/specs beside the checkout, never copied.
const specRoot = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'specs', 'dotprompt');

interface SpecTest {
  readonly desc?: string;
  readonly data?: Record<string, unknown>;
  readonly options?: Record<string, unknown>;
  readonly expect: { readonly messages?: unknown[] };
}

interface SpecSuite {
  readonly name: string;
  readonly template: string;
  readonly data?: Record<string, unknown>;
  readonly partials?: Record<string, string>;
  readonly resolverPartials?: Record<string, string>;
  readonly tests: readonly SpecTest[];
}

function specFiles(): string[] {
  const helpers = path.join(specRoot, 'helpers');
  return [
    ...['variables.yaml', 'partials.yaml'].map((name) => path.join(specRoot, name)),
    ...fs.readdirSync(helpers).filter((name) => name.endsWith('.yaml')).map((name) => path.join(helpers, name)),
  ].filter((file) => fs.existsSync(file));
}

/**
 * Our input surface is a prompt file, one input object and partial files. A case that also needs
 * conversation history, documents, context data or render options cannot be written that way
 * (front-matter defaults are no substitute: dotprompt trims the body of a file with front matter).
 */
function asPromptFile(suite: SpecSuite, test: SpecTest): { source: string; input: Record<string, unknown> } | string {
  const data = { ...suite.data, ...test.data };
  const extra = Object.keys(data).filter((key) => key !== 'input');
  if (extra.length > 0) return `needs render data ${extra.join(', ')}`;
  if (Object.keys(test.options ?? {}).length > 0) return 'needs render options';
  return { source: suite.template, input: (data['input'] ?? {}) as Record<string, unknown> };
}

describe('dotprompt spec conformance: rendering', function () {
  before(function () {
    skipWithoutSharedSpec(this, specRoot, 'dotprompt spec conformance');
  });

  it('renders every expressible spec case to exactly the expected messages', async () => {
    let checked = 0;
    const notExpressible: string[] = [];
    const mismatches: string[] = [];
    for (const file of specFiles()) {
      const suites = YAML.parse(fs.readFileSync(file, 'utf8')) as SpecSuite[];
      for (const suite of suites) {
        const partials = { ...suite.partials, ...suite.resolverPartials };
        for (const test of suite.tests) {
          const label = `${path.basename(file)} ${suite.name}: ${test.desc ?? ''}`;
          const prompt = asPromptFile(suite, test);
          if (typeof prompt === 'string') {
            notExpressible.push(`${label} (${prompt})`);
            continue;
          }
          if (!test.expect.messages) continue;
          const outcome = await renderPrompt({ ...prompt, partials: (name) => partials[name] });
          checked++;
          if (!outcome.ok) {
            mismatches.push(`${label}: ${outcome.error}`);
            continue;
          }
          try {
            assert.deepEqual(JSON.parse(JSON.stringify(outcome.rendered.messages)), test.expect.messages);
          } catch (error) {
            mismatches.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
    }
    console.log(`    ${checked} spec cases rendered; ${notExpressible.length} not expressible as a prompt file plus input`);
    assert.deepEqual(mismatches, []);
    assert.ok(checked >= 25, `only ${checked} spec cases were checked`);
  });
});
