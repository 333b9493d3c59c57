import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzePromptDocument } from '../../../../src/core/checks/checkPrompt';
import { isRangeInside } from '../../../../src/core/document/textDocument';
import { parsePromptDocument } from '../../../../src/core/formats/promptFileKind';
import { completionsAt } from '../../../../src/core/languageService/completions';
import { hoverAt } from '../../../../src/core/languageService/hoverInfo';
import { lines } from '../diagnosticExpectations';

const seeds = [
  lines('---', 'inputs:', '  - name: items', '    kind: array', '    default: [{a: 1}]', '  - name: who', '    kind: string', '---', 'system:', '{% for i in items %}{{ i.a | upper }}{% endfor %}', 'user:', '{{ who }}'),
  lines('---', 'template: mustache', 'inputs: {items: {kind: array}, x: {kind: string}}', '---', '{{#items}}{{x}}{{/items}}{{{x}}}'),
  lines('system:', 'Hi {{ name }}{% set y = 1 %}{{ y }}{% raw %}{{ z }}{% endraw %}'),
  '\uFEFF---\r\ninputs:\r\n  q: {kind: string, default: hi}\r\n---\r\nuser:\r\n{{q}}\r\n',
];
const fragments = ['{{', '}}', '{%', '%}', '{% for x in items %}', '{% endfor %}', '{% if a %}', '{% endif %}', '{#', '#}', '{{#s}}', '{{/s}}', '|', 'user:', '---', '\n', '${file:x}', 'kind: thread', '{% raw %}'];

describe('Prompty checker: any text in, diagnostics out', () => {
  it('never throws and keeps every range inside the document, for edits of realistic Prompty files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...fragments), fc.string())), { maxLength: 6 }), (seed, edits) => {
        let text = seed;
        for (const [at, fragment] of edits) {
          const offset = at % (text.length + 1);
          text = `${text.slice(0, offset)}${fragment}${text.slice(offset)}`;
        }
        const document = parsePromptDocument(text, { path: 'p.prompty' });
        const { diagnostics, analysis } = analyzePromptDocument(document, undefined, {});
        for (const diagnostic of diagnostics) assert.ok(isRangeInside(document.text, diagnostic.range), `${diagnostic.code} ${JSON.stringify(diagnostic.range)} in ${JSON.stringify(text)}`);
        for (let offset = 0; offset <= document.text.text.length; offset += 7) {
          for (const entry of completionsAt(document, offset)) assert.ok(isRangeInside(document.text, entry.range));
          const hover = hoverAt(document, analysis, offset);
          if (hover) assert.ok(isRangeInside(document.text, hover.range));
        }
      }),
      { numRuns: 300 },
    );
  });
});
