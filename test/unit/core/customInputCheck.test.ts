import * as assert from 'node:assert/strict';
import { analyzePromptDocument } from '../../../src/core/checks/checkPrompt';
import { checkCustomInput } from '../../../src/core/samples/checkSampleSets';
import { parsePromptDocument } from '../../../src/core/formats/promptFileKind';
import { parseSampleFile } from '../../../src/core/samples/sampleSets';
import { lines } from './diagnosticExpectations';

const typed = parsePromptDocument(lines('---', 'input:', '  schema:', '    ticket(object):', '      subject: string', '    days: integer', '    tone?: string', '  default:', '    tone: calm', '---', '{{ticket.subject}} {{days}} {{tone}}'), { path: 'p.prompt' });

function messages(json: string, document = typed): string[] {
  return checkCustomInput(document, analyzePromptDocument(document, undefined).analysis, json).map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${diagnostic.code} ${diagnostic.message}`);
}

describe('Custom input checks (the preview)', () => {
  it('says what is missing, unknown or of the wrong type, in the words sample sets get', () => {
    assert.deepEqual(messages('{\n  "days": "14",\n  "ticket": {"subject": 3},\n  "tonne": "x"\n}'), [
      "1:10 sample-type-mismatch In the custom input, 'days' must be an integer, not a string.",
      "2:24 sample-type-mismatch In the custom input, 'ticket.subject' must be a string, not a number.",
      "3:2 unknown-sample-key The custom input sets 'tonne', which the input schema does not declare; did you mean 'tone'?",
    ]);
  });

  it('takes required variables from input.default, and reports the ones neither gives', () => {
    assert.deepEqual(messages('{"days": 2}'), ["0:0 missing-sample-value The custom input has no value for required variable 'ticket'."]);
  });

  it('without a schema, expects every variable the template reads', () => {
    const untyped = parsePromptDocument('Hello {{name}} from {{city}}', { path: 'q.prompt' });
    assert.deepEqual(messages('{"name": "Ada", "cty": "Paris"}', untyped), [
      "0:0 missing-sample-value The custom input has no value for required variable 'city'.",
      "0:16 unknown-sample-key The custom input sets 'cty', which the template never uses; did you mean 'city'?",
    ]);
  });

  it('matches what the same values get as a sample set', () => {
    const asSet = analyzePromptDocument(typed, parseSampleFile('p.samples.yaml', 'one: {"days": "14", "ticket": {"subject": "s"}}\n')).diagnostics.map((diagnostic) => diagnostic.message);
    assert.deepEqual(asSet, ["In sample set 'one', 'days' must be an integer, not a string."]);
    assert.deepEqual(messages('{"days": "14", "ticket": {"subject": "s"}}'), ["0:9 sample-type-mismatch In the custom input, 'days' must be an integer, not a string."]);
  });

  it('says nothing about text that is not a JSON object', () => {
    assert.deepEqual(messages('[1, 2]'), []);
    assert.deepEqual(messages('{"days": '), []);
  });
});
