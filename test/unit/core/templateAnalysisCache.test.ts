import * as assert from 'node:assert/strict';
import { checkAnalyzedPromptDocument } from '../../../src/core/checks/checkPrompt';
import { TemplateAnalysisCache } from '../../../src/core/checks/templateAnalysisCache';
import type { PromptDocument } from '../../../src/core/document/promptDocument';
import { dotpromptFormat } from '../../../src/core/formats/dotprompt/dotpromptFormat';
import type { PromptFormat } from '../../../src/core/formats/promptFormat';
import { promptyFormat } from '../../../src/core/formats/prompty/promptyFormat';
import { definitionsAt } from '../../../src/core/languageService/definitions';
import { hoverAt } from '../../../src/core/languageService/hoverInfo';
import { prepareRename } from '../../../src/core/languageService/renameEdits';
import { quickFixesFor } from '../../../src/core/languageService/quickFixEdits';
import { lines } from './diagnosticExpectations';

/** A format that counts how often its template is analysed. */
function countingFormat(format: PromptFormat): { format: PromptFormat; calls: () => number } {
  let calls = 0;
  return {
    format: {
      ...format,
      analyze(document, options) {
        calls += 1;
        return format.analyze(document, options);
      },
    },
    calls: () => calls,
  };
}

const ticketPrompt = lines('---', 'input:', '  schema:', '    ticket: string', '    tone?: string', '---', 'Summarize {{ticket}} in a {{tne}} voice.', '');
const ticketPrompty = lines('---', 'name: ticket', 'inputs:', '  ticket:', '    kind: string', '---', 'system:', 'Summarize {{ticket}} for {{customer}}.', '');

/** A parsed prompt whose format is `format` (a counting one). */
function parsed(format: PromptFormat, text: string, path: string): PromptDocument {
  return { ...format.parse(text, { path }), format };
}

describe('TemplateAnalysisCache', () => {
  it('analyses a document version once: asking again for the same version returns the same analysis', () => {
    const counting = countingFormat(dotpromptFormat);
    const cache = new TemplateAnalysisCache();
    const document = parsed(counting.format, ticketPrompt, 'prompts/ticket.prompt');
    const first = cache.analysisOf('file:///prompts/ticket.prompt', 3, document, {});
    const second = cache.analysisOf('file:///prompts/ticket.prompt', 3, document, {});
    assert.equal(counting.calls(), 1);
    assert.equal(second, first);
    assert.deepEqual([...(first?.usedVariables ?? [])], ['ticket']);
    assert.deepEqual(first?.undeclaredUses.map((use) => use.name), ['tne']);
  });

  it('analyses a new version again and keeps what the new text reads', () => {
    const counting = countingFormat(dotpromptFormat);
    const cache = new TemplateAnalysisCache();
    const before = cache.analysisOf('file:///prompts/ticket.prompt', 3, parsed(counting.format, ticketPrompt, 'prompts/ticket.prompt'), {});
    const edited = ticketPrompt.replace('{{tne}}', '{{tone}}');
    const after = cache.analysisOf('file:///prompts/ticket.prompt', 4, parsed(counting.format, edited, 'prompts/ticket.prompt'), {});
    assert.equal(counting.calls(), 2);
    assert.notEqual(after, before);
    assert.deepEqual([...(after?.usedVariables ?? [])], ['ticket', 'tone']);
  });

  it('forgets a closed document, so reopening it analyses it again', () => {
    const counting = countingFormat(dotpromptFormat);
    const cache = new TemplateAnalysisCache();
    const document = parsed(counting.format, ticketPrompt, 'prompts/ticket.prompt');
    const open = cache.analysisOf('file:///prompts/ticket.prompt', 1, document, {});
    cache.evict('file:///prompts/ticket.prompt');
    assert.equal(cache.size, 0);
    const reopened = cache.analysisOf('file:///prompts/ticket.prompt', 1, document, {});
    assert.equal(counting.calls(), 2);
    assert.notEqual(reopened, open);
  });

  it('analyses the same version again when a partial it includes appears, and not while the partial stays as it was', () => {
    const counting = countingFormat(dotpromptFormat);
    const cache = new TemplateAnalysisCache();
    const document = parsed(counting.format, lines('Hello {{> signature}}', ''), 'prompts/hello.prompt');
    let partials = new Map<string, string>();
    const lookups = { partialExists: (name: string) => partials.has(name), partialSource: (name: string) => partials.get(name) };
    const missing = cache.analysisOf('file:///prompts/hello.prompt', 1, document, lookups);
    assert.equal(cache.analysisOf('file:///prompts/hello.prompt', 1, document, lookups), missing);
    partials = new Map([['signature', 'Bye.']]);
    const found = cache.analysisOf('file:///prompts/hello.prompt', 1, document, lookups);
    assert.equal(cache.analysisOf('file:///prompts/hello.prompt', 1, document, lookups), found);
    assert.equal(counting.calls(), 2);
    assert.deepEqual(missing?.diagnostics.map((diagnostic) => diagnostic.message), ["No partial named 'signature' was found (dotprompt looks for _signature.prompt beside the prompt or in a partials/ folder)."]);
    assert.deepEqual(found?.diagnostics, []);
  });

  it('analyses the same version again when the text of a partial it includes changes', () => {
    const counting = countingFormat(dotpromptFormat);
    const cache = new TemplateAnalysisCache();
    const document = parsed(counting.format, lines('---', 'input:', '  schema:', '    name: string', '---', 'Hello {{> signature}}', ''), 'prompts/hello.prompt');
    let signature = 'Bye.';
    const lookups = { partialExists: () => true, partialSource: () => signature };
    const before = cache.analysisOf('file:///prompts/hello.prompt', 1, document, lookups);
    signature = 'Bye, {{name}}.';
    const after = cache.analysisOf('file:///prompts/hello.prompt', 1, document, lookups);
    assert.equal(counting.calls(), 2);
    assert.deepEqual([...(before?.usedVariables ?? [])], []);
    assert.deepEqual([...(after?.usedVariables ?? [])], ['name']);
  });

  it('forgets every analysis when cleared', () => {
    const counting = countingFormat(dotpromptFormat);
    const cache = new TemplateAnalysisCache();
    const document = parsed(counting.format, ticketPrompt, 'prompts/ticket.prompt');
    cache.analysisOf('file:///prompts/ticket.prompt', 1, document, {});
    cache.analysisOf('file:///prompts/other.prompt', 1, document, {});
    cache.clear();
    assert.equal(cache.size, 0);
    cache.analysisOf('file:///prompts/ticket.prompt', 1, document, {});
    assert.equal(counting.calls(), 3);
  });

  it('keeps at most its capacity of documents, dropping the one read longest ago', () => {
    const counting = countingFormat(dotpromptFormat);
    const cache = new TemplateAnalysisCache(2);
    const document = parsed(counting.format, ticketPrompt, 'prompts/ticket.prompt');
    cache.analysisOf('a', 1, document, {});
    cache.analysisOf('b', 1, document, {});
    cache.analysisOf('a', 1, document, {});
    cache.analysisOf('c', 1, document, {});
    assert.equal(cache.size, 2);
    assert.equal(counting.calls(), 3);
    cache.analysisOf('a', 1, document, {});
    assert.equal(counting.calls(), 3, "'a' was read more recently than 'b', so 'b' was dropped");
    cache.analysisOf('b', 1, document, {});
    assert.equal(counting.calls(), 4);
  });

  for (const [name, format, text, path, offset] of [
    ['dotprompt', dotpromptFormat, ticketPrompt, 'prompts/ticket.prompt', ticketPrompt.indexOf('{{ticket}}') + 3],
    ['Prompty', promptyFormat, ticketPrompty, 'prompts/ticket.prompty', ticketPrompty.indexOf('{{ticket}}') + 3],
  ] as const) {
    const requiredness = name === 'dotprompt' ? 'required' : 'optional';
    // dotprompt's `tone?` is declared but the template misspells it; the Prompty text reads an undeclared `customer`.
    const findings = name === 'dotprompt' ? ['unused-variable', 'undeclared-variable'] : ['undeclared-variable'];
    it(`the checks, hover, definition, rename and quick fixes of one ${name} version share one analysis`, () => {
      const counting = countingFormat(format);
      const cache = new TemplateAnalysisCache();
      const document = parsed(counting.format, text, path);
      const analysis = (): ReturnType<PromptFormat['analyze']> => cache.analysisOf(`file:///${path}`, 7, document, {});
      const { diagnostics } = checkAnalyzedPromptDocument(document, undefined, analysis);
      const hover = hoverAt(document, analysis(), offset);
      const definitions = definitionsAt(document, analysis(), offset);
      const rename = prepareRename(document, analysis(), offset);
      const undeclared = diagnostics.find((diagnostic) => diagnostic.code === 'undeclared-variable');
      assert.ok(undeclared);
      const current = analysis();
      const fixes = quickFixesFor(undeclared, { document, ...(current ? { analysis: current } : {}) });
      assert.equal(counting.calls(), 1);
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), findings);
      assert.equal(hover?.markdown.split('\n')[0], `**ticket** · \`string\` · ${requiredness}`);
      assert.equal(definitions.length, 1);
      assert.deepEqual(rename.ok ? rename.placeholder : rename.message, 'ticket');
      assert.ok(fixes.length > 0, 'a fix for the undeclared variable');
    });
  }
});
