import * as assert from 'node:assert/strict';
import { analyzePromptDocument, checkPrompt, checkPromptDocument } from '../../../src/core/checks/checkPrompt';
import { compareDiagnostics, defaultSeverity } from '../../../src/core/document/promptDiagnostic';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import { parseSampleFile } from '../../../src/core/samples/sampleSets';
import { lines, span } from './diagnosticExpectations';

const plantedPrompt = lines(
  '---',
  'model: googleai/gemini-2.0-flash',
  'input:',
  '  schema:',
  '    topic: string',
  '    audience?: string',
  '    tone: string',
  '---',
  '{{role "system"}}Write about {{topc}} for {{audience}}.',
  '{{#each points}}- {{this}}{{/each}}',
  '{{> signature}}',
  '{{shout topic}}',
);

describe('checkPrompt', () => {
  it('reports exactly the mistakes planted in a prompt and its samples, sorted by file and position', () => {
    const diagnostics = checkPrompt({
      path: 'demo/article.prompt',
      text: plantedPrompt,
      samples: { path: 'demo/article.samples.yaml', text: lines('short:', '  topic: 7', '  tone: dry', 'long:', '  topic: x') },
      partialExists: (name) => name === 'header',
    });
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.code, diagnostic.range]),
      [
        ['demo/article.prompt', 'unused-variable', span(6, 4, 6, 8)],
        ['demo/article.prompt', 'undeclared-variable', span(8, 31, 8, 35)],
        ['demo/article.prompt', 'undeclared-variable', span(9, 8, 9, 14)],
        ['demo/article.prompt', 'missing-partial', span(10, 4, 10, 13)],
        ['demo/article.prompt', 'unknown-helper', span(11, 2, 11, 7)],
        ['demo/article.samples.yaml', 'sample-type-mismatch', span(1, 9, 1, 10)],
        ['demo/article.samples.yaml', 'missing-sample-value', span(3, 0, 3, 4)],
      ],
    );
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.message),
      [
        "'tone' is declared in the input schema but the template never uses it.",
        "'topc' is not declared in the input schema; did you mean 'topic'?",
        "'points' is not declared in the input schema.",
        "No partial named 'signature' was found (dotprompt looks for _signature.prompt beside the prompt or in a partials/ folder).",
        "'shout' is not a helper dotprompt knows, so rendering fails.",
        "In sample set 'short', 'topic' must be a string, not a number.",
        "Sample set 'long' has no value for required variable 'tone'.",
      ],
    );
    assert.deepEqual([...diagnostics].sort(compareDiagnostics), diagnostics);
  });

  it('stops reporting unused variables when a partial it cannot see might use them', () => {
    const unused = (partialExists: (name: string) => boolean) =>
      checkPrompt({ path: 'p', text: plantedPrompt, partialExists }).filter((diagnostic) => diagnostic.code === 'unused-variable').map((diagnostic) => diagnostic.range);
    assert.deepEqual(unused(() => false), [span(6, 4, 6, 8)]);
    assert.deepEqual(unused(() => true), []);
  });

  it('gives every code a default severity, and the documented ones', () => {
    assert.deepEqual(Object.keys(defaultSeverity).sort(), [
      'duplicate-prompt-id',
      'front-matter-schema',
      'missing-file',
      'missing-partial',
      'missing-sample-value',
      'partial-cycle',
      'sample-type-mismatch',
      'template-syntax',
      'undeclared-variable',
      'unknown-helper',
      'unknown-property',
      'unknown-sample-key',
      'unused-variable',
      'yaml-syntax',
    ]);
    assert.equal(defaultSeverity['unused-variable'], 'warning');
    assert.equal(defaultSeverity['undeclared-variable'], 'error');
  });

  it('lets the editor parse once and reuse the parsed prompt and sample file', () => {
    const document = parsePromptDocument(plantedPrompt, { path: 'p.prompt' });
    const samples = parseSampleFile('p.samples.yaml', 'a: {topic: x, tone: y}\n');
    const first = analyzePromptDocument(document, samples, { partialExists: () => true });
    assert.deepEqual(checkPromptDocument(document, samples, { partialExists: () => true }), first.diagnostics);
    assert.ok(first.analysis?.usedVariables.has('audience'));
    assert.deepEqual(
      first.analysis?.uses.filter((use) => use.variable === 'audience').map((use) => use.declarations[0]?.declaration?.nameRange),
      [span(5, 4, 5, 12)],
    );
  });

  it('resolves named schemas through the given resolver', () => {
    const text = lines('---', 'input:', '  schema: Article', '---', '{{title}} {{body}}');
    const resolveSchema = (name: string): unknown => (name === 'Article' ? { type: 'object', properties: { title: { type: 'string' } }, additionalProperties: false } : undefined);
    assert.deepEqual(
      checkPrompt({ path: 'p', text, resolveSchema }).map((diagnostic) => [diagnostic.code, diagnostic.range]),
      [['undeclared-variable', span(4, 12, 4, 16)]],
    );
  });

  describe('line endings and byte order marks', () => {
    it('reports the same ranges for CRLF and LF files', () => {
      const lf = lines('---', 'input:', '  schema:', '    name: string', '  bad: [', '---', 'Hi {{nmae}}');
      const crlf = lf.replace(/\n/g, '\r\n');
      const ranges = (text: string) => checkPrompt({ path: 'p', text }).map((diagnostic) => [diagnostic.code, diagnostic.range]);
      assert.deepEqual(ranges(crlf), ranges(lf));
      assert.deepEqual(ranges(crlf), [['yaml-syntax', span(4, 7, 4, 8)]]);
      const template = lines('---', 'input:', '  schema:', '    name: string', '---', '', 'Hi {{nmae}}', '{{#if name}}');
      assert.deepEqual(ranges(template.replace(/\n/g, '\r\n')), [['template-syntax', span(7, 0, 7, 12)]]);
      assert.deepEqual(ranges(`${template}\r\n{{/if}}`.replace(/\r?\n/g, '\r\n')), [['undeclared-variable', span(6, 5, 6, 9)]]);
    });

    it('leaves a BOM out of ranges in prompts and sample files', () => {
      const text = '\uFEFF---\ninput:\n  schema:\n    name: string\n---\nHi {{nmae}}';
      const samples = '\uFEFFa:\r\n  name: 3\r\n';
      assert.deepEqual(
        checkPrompt({ path: 'p', text, samples: { path: 's', text: samples } }).map((diagnostic) => [diagnostic.file, diagnostic.code, diagnostic.range]),
        [
          ['p', 'unused-variable', span(3, 4, 3, 8)],
          ['p', 'undeclared-variable', span(5, 5, 5, 9)],
          ['s', 'sample-type-mismatch', span(1, 8, 1, 9)],
        ],
      );
    });
  });
});
