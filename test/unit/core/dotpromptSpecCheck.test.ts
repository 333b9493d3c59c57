import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { checkPrompt } from '../../../src/core/checks/checkPrompt';
import { skipWithoutSharedSpec } from '../sharedSpecs';

// The dotprompt project's own spec files (Apache-2.0) are read where they lie, beside the checkout.
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const specRoot = path.join(path.resolve(repoRoot, '..', 'shared', 'specs'), 'dotprompt');

interface SpecCase {
  readonly name: string;
  readonly template: string;
  readonly partials?: Readonly<Record<string, string>>;
  readonly resolverPartials?: Readonly<Record<string, string>>;
}

function isSpecCase(value: unknown): value is SpecCase {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'name') === 'string' && typeof Reflect.get(value, 'template') === 'string';
}

function specCases(): { file: string; spec: SpecCase }[] {
  const helpers = path.join(specRoot, 'helpers');
  const files = [
    path.join(specRoot, 'variables.yaml'),
    path.join(specRoot, 'partials.yaml'),
    ...(fs.existsSync(helpers) ? fs.readdirSync(helpers).filter((name) => name.endsWith('.yaml')).sort().map((name) => path.join(helpers, name)) : []),
  ].filter((file) => fs.existsSync(file));
  return files.flatMap((file) => {
    const parsed: unknown = YAML.parse(fs.readFileSync(file, 'utf8'));
    return (Array.isArray(parsed) ? parsed : []).filter(isSpecCase).map((spec) => ({ file: path.relative(specRoot, file), spec }));
  });
}

describe('dotprompt spec conformance: checking', function () {
  before(function () {
    skipWithoutSharedSpec(this, specRoot, 'dotprompt spec check');
  });

  it("parses every spec template, knows every helper it calls and finds every partial the case provides", () => {
    const cases = specCases();
    assert.ok(cases.length >= 20, `only ${cases.length} spec cases found`);
    const failures: string[] = [];
    for (const { file, spec } of cases) {
      const provided = { ...spec.partials, ...spec.resolverPartials };
      const diagnostics = checkPrompt({
        path: `${file}#${spec.name}`,
        text: spec.template,
        partialExists: (name) => Object.prototype.hasOwnProperty.call(provided, name),
        partialSource: (name) => provided[name],
      });
      for (const diagnostic of diagnostics) {
        if (diagnostic.code === 'template-syntax' || diagnostic.code === 'missing-partial' || diagnostic.code === 'unknown-helper') {
          failures.push(`${diagnostic.file}: ${diagnostic.code} ${diagnostic.message}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('reports a partial as missing when the case does not provide it', () => {
    const partialCase = specCases().find(({ spec }) => /\{\{>\s*\w/.test(spec.template));
    assert.ok(partialCase, 'the spec files have a case with a partial');
    const diagnostics = checkPrompt({ path: 'spec', text: partialCase.spec.template, partialExists: () => false });
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'missing-partial'));
  });
});
