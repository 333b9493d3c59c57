import * as assert from 'node:assert/strict';
import { parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { commitA, hashA } from './manifestText';

/** Every problem of a text as the editor shows it: `line:col-line:col severity message`, 1-based. */
function problemsOf(text: string): string[] {
  return parseReleaseManifest(text).problems.map(({ range, severity, message }) => `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1} ${severity} ${message}`);
}

const target = (extra = ''): string => `{commit: ${commitA}, path: greet.prompt, sha256: ${hashA}${extra}}`;
const withProduction = (rest: string): string => `version: 1\nprompts:\n  greet: {labels: {production: ${target()}}${rest}}\n`;
const event = (change: (fields: string) => string): string =>
  `version: 1\nevents:\n  - {${change(`at: 2026-01-01T09:00:00Z, by: Ada, action: promote, prompt: greet, label: production, from: null, to: ${commitA}, sha256: ${hashA}`)}}\n`;

describe('Release manifest: each problem in one sentence, at the range it is written at', () => {
  it('the whole file: YAML syntax, a second document, an unknown directive, the version', () => {
    const cases: [string, string[]][] = [
      ['version: 1\n\tprompts: {}\n', ['2:1-2:2 error The release manifest does not parse: Tabs are not allowed as indentation.']],
      ['version: 1\nprompts: {}\n---\nversion: 1\n', ['3:1-3:4 error The release manifest holds more than one YAML document (another starts here); keep one, since only the first would be read.']],
      ['%FOO bar\n---\nversion: 1\n', ['1:1-1:9 warning Unknown directive %FOO.']],
      // The error is at the end of the text: an empty range there, not one past it.
      ['version: 1\nkey: "unterminated\n', ['3:1-3:1 error The release manifest does not parse: Missing closing "quote.']],
      ['version: "1"\n', ['1:10-1:13 error version must be the number 1, not the string "1"; remove the quotes.']],
      ['version:\n', ['1:9-2:1 error The release manifest has version empty, but this PromptOps reads version 1 only; upgrade PromptOps.']],
      ['- a\n', ['1:1-1:4 error The release manifest must be a map with version, prompts and events.']],
      ['prompts: {}\n', ['1:1-1:1 error The release manifest has no version field; add "version: 1" at the top.']],
      // Quotes around a number, whatever number; text that is not a number is an unknown version.
      ['version: "12"\n', ['1:10-1:14 error version must be the number 1, not the string "12"; remove the quotes.']],
      ['version: "1.25"\n', ['1:10-1:16 error version must be the number 1, not the string "1.25"; remove the quotes.']],
      ['version: "1.5"\n', ['1:10-1:15 error version must be the number 1, not the string "1.5"; remove the quotes.']],
      ['version: "-1"\n', ['1:10-1:14 error version must be the number 1, not the string "-1"; remove the quotes.']],
      ['version: " 1"\n', ['1:10-1:14 error version must be the number 1, not the string " 1"; remove the quotes.']],
      ['version: "x1"\n', ['1:10-1:14 error The release manifest has version x1, but this PromptOps reads version 1 only; upgrade PromptOps.']],
      ['version: "1x"\n', ['1:10-1:14 error The release manifest has version 1x, but this PromptOps reads version 1 only; upgrade PromptOps.']],
    ];
    for (const [text, expected] of cases) assert.deepEqual(problemsOf(text), expected, text);
    assert.equal(parseReleaseManifest('%FOO bar\n---\nversion: 1\n').fatal, undefined, 'a warning leaves the manifest readable');
    assert.deepEqual(problemsOf('version: 1\n? prompts\n? events\n'), [], 'explicit keys without values are empty sections');
    assert.equal(parseReleaseManifest('- a\n').fatal?.message, 'The release manifest must be a map with version, prompts and events.');
    // The first of several syntax errors is the one that makes the file unreadable.
    assert.deepEqual(problemsOf('version: 1\n  bad: indent\n'), [
      '1:10-1:11 error The release manifest does not parse: Nested mappings are not allowed in compact mappings.',
      '1:10-2:6 error The release manifest does not parse: Implicit keys need to be on a single line.',
    ]);
    assert.equal(parseReleaseManifest('version: 1\n  bad: indent\n').fatal?.message, 'The release manifest does not parse: Nested mappings are not allowed in compact mappings.');
  });

  it('a manifest nested too deeply for the parser is one sentence at its start, not a crash', () => {
    assert.deepEqual(problemsOf('['.repeat(20_000)), ['1:1-1:1 error The release manifest does not parse: Maximum call stack size exceeded.']);
  });

  it('prompts, labels and canaries: what each must be, naming the prompt and the label', () => {
    const cases: [string, string[]][] = [
      ['version: 1\nprompts: [a]\n', ['2:10-2:13 error "prompts" must be a map from prompt id to its labels.']],
      ['version: 1\nprompts:\n  "": {labels: {}}\n', ['3:3-3:5 error A prompt id must be a non-empty name such as support/summarize.']],
      ['version: 1\nprompts: x\n', ['2:10-2:11 error "prompts" must be a map from prompt id to its labels.']],
      ['version: 1\nprompts:\n  " ": {labels: {}}\n', ['3:3-3:6 error A prompt id must be a non-empty name such as support/summarize.']],
      [`version: 1\nprompts:\n  greet: {labels: {production: {commit: ${commitA}, path: " ", sha256: ${hashA}}}}\n`, ['3:89-3:92 error path must be the prompt file\'s path relative to the repository root.']],
      // A weight belongs to a canary only.
      [`version: 1\nprompts:\n  greet: {labels: {production: ${target(', weight: 10')}}}\n`, ['3:177-3:183 warning Label production of greet has no field "weight"; it is kept but ignored.']],
      ['version: 1\nprompts:\n  greet: x\n', ['3:10-3:11 error The entry of greet must be a map with "labels" and optionally "canary".']],
      ['version: 1\nprompts:\n  greet: {labels: {}, tags: x}\n', ['3:23-3:27 warning A prompt entry has no field "tags"; it is kept but ignored.']],
      ['version: 1\nprompts:\n  greet: {labels: [a]}\n', ['3:19-3:22 error "labels" of greet must be a map from label name to a version.']],
      ['version: 1\nprompts:\n  greet: {labels: {production: x}}\n', ['3:32-3:33 error Label production of greet must be a map with commit, path and sha256.']],
      [withProduction(', canary: {production: x}'), ['3:200-3:201 error The canary of production of greet must be a map with commit, path and sha256 and weight.']],
      [withProduction(`, canary: {production: ${target(', weight: "10"')}}`), ['3:353-3:357 error A canary weight is a number, not the string "10"; remove the quotes.']],
      [withProduction(`, canary: {production: ${target(', weight: 100')}}`), ['3:353-3:356 error A canary weight is a whole percentage from 1 to 99, not 100.']],
      [withProduction(`, canary: {production: ${target()}}`), ['3:188-3:198 error The canary of production of greet has no weight; give the percentage of traffic it serves, from 1 to 99.']],
      [`version: 1\nprompts:\n  greet: {labels: {}, canary: {staging: ${target(', weight: 5')}}}\n`, ['3:32-3:39 error The canary of staging needs a staging label of greet to split traffic with.']],
      [`version: 1\nprompts:\n  greet: {labels: {production: ${target(', by: me')}}}\n`, ['3:177-3:179 warning Label production of greet has no field "by"; it is kept but ignored.']],
      [`version: 1\nprompts:\n  greet: {labels: {production: {commit: ${commitA}, path: "", sha256: ${hashA}}}}\n`, ['3:89-3:91 error path must be the prompt file\'s path relative to the repository root.']],
      [`version: 1\nprompts:\n  greet: {labels: {production: {commit: ${commitA}, path: "a\\0b.prompt", sha256: ${hashA}}}}\n`, ['3:89-3:102 error path holds a NUL byte (\\0), which no file name can.']],
      [`version: 1\nprompts:\n  greet: {labels: {production: {commit: abc, path: p.prompt, sha256: ${hashA}}}}\n`, ['3:41-3:44 error "abc" is not a commit: write its full 40-character SHA in lowercase hex.']],
      [`version: 1\nprompts:\n  greet: {labels: {production: {commit: ${commitA}, path: p.prompt, sha256: xyz}}}\n`, ['3:107-3:110 error "xyz" is not a SHA-256: write 64 lowercase hex characters.']],
    ];
    for (const [text, expected] of cases) assert.deepEqual(problemsOf(text), expected, text);
  });

  it('events: what each field must be, naming the event', () => {
    const cases: [string, string[]][] = [
      ['version: 1\nevents:\n  - just text\n', ['3:5-3:14 error Event 1 must be a map with at, by, action, prompt, label, from, to, sha256 and note.']],
      [event((fields) => fields.replace('by: Ada', 'by: ""')), ['3:36-3:38 error Event 1: by must name who made the change.']],
      // Spaces name nobody and no error either.
      [event((fields) => fields.replace('by: Ada', 'by: "  "')), ['3:36-3:40 error Event 1: by must name who made the change.']],
      [event((fields) => `${fields}, allowedError: " "`), ['3:238-3:241 error Event 1: allowedError must name the check error that was allowed.']],
      [event((fields) => fields.replace('prompt: greet', 'prompt: " "')), ['3:66-3:69 error Event 1: prompt must be a prompt id.']],
      [event((fields) => fields.replace(`to: ${commitA}`, 'to: abc')), ['3:108-3:111 error Event 1: to must be a 40-character commit SHA, not "abc".']],
      [event((fields) => fields.replace(`sha256: ${hashA}`, 'sha256: abc')), ['3:158-3:161 error Event 1: sha256 must be 64 lowercase hex characters, not "abc".']],
      [event((fields) => `${fields}, allowedError: ""`), ['3:238-3:240 error Event 1: allowedError must name the check error that was allowed.']],
      [event((fields) => `${fields.replace('action: promote', 'action: canary')}, weight: "10"`), ['3:231-3:235 error Event 1: weight is a number, not the string "10"; remove the quotes.']],
      [event((fields) => `${fields.replace('action: promote', 'action: canary')}, weight: 0`), ['3:231-3:232 error Event 1: weight must be a whole percentage from 1 to 99, not 0.']],
      [event((fields) => `${fields}, color: red`), ['3:224-3:229 warning Event 1 has no field "color"; it is kept but ignored.']],
      [event((fields) => fields.replace('action: promote', 'action: move')), ['3:49-3:53 error Event 1: action must be one of promote, rollback, canary, canary-clear, not "move".']],
      [event((fields) => fields.replace('2026-01-01T09:00:00Z', '2026-13-45T09:00:00Z')), ['3:10-3:30 error Event 1: at must be an ISO 8601 date and time, not "2026-13-45T09:00:00Z".']],
      ['version: 1\nevents: x\n', ['2:9-2:10 error "events" must be a list of audit events, oldest first.']],
      // A missing field is reported on the whole event.
      [event((fields) => fields.replace('from: null, ', '')), ['3:5-3:211 error Event 1 has no from (write null when the label was new).']],
      [event((fields) => fields.replace(`to: ${commitA}, `, '')), ['3:5-3:177 error Event 1 has no to.']],
      [event((fields) => fields.replace('from: null', 'from: abc')), ['3:98-3:101 error Event 1: from must be a 40-character commit SHA or null, not "abc".']],
      [event((fields) => fields.replace('label: production', 'label: Prod')), ['3:80-3:84 error Event 1: "Prod" is not a valid label name: use 1 to 36 characters of a-z, 0-9, "_", "." and "-".']],
      [event((fields) => `${fields}, weight: 10`), ['3:224-3:230 error Event 1: only canary events have a weight.']],
      [event((fields) => `${fields.replace('action: promote', 'action: canary')}, weight: 100`), ['3:231-3:234 error Event 1: weight must be a whole percentage from 1 to 99, not 100.']],
      [event((fields) => `${fields.replace('action: promote', 'action: canary')}, weight: 0x5`), ['3:231-3:234 error Event 1: weight must be a whole percentage from 1 to 99, not 0x5.']],
    ];
    for (const [text, expected] of cases) {
      assert.deepEqual(problemsOf(text), expected, text);
      // An event with an error is left out; an unknown field only warns.
      assert.equal(parseReleaseManifest(text).manifest.events.length, expected.some((problem) => problem.includes(' error ')) ? 0 : 1, text);
    }
  });

  it('reads from written as ~ as null, keeps an allowed check error, and gives only canary events a weight', () => {
    const [promote] = parseReleaseManifest(event((fields) => `${fields.replace('from: null', 'from: ~')}, allowedError: dotprompt-unknown-helper`)).manifest.events;
    assert.deepEqual([promote?.from, promote?.allowedError, promote === undefined ? undefined : 'weight' in promote], [null, 'dotprompt-unknown-helper', false]);
    const [canary] = parseReleaseManifest(event((fields) => `${fields.replace('action: promote', 'action: canary')}, weight: 5`)).manifest.events;
    assert.deepEqual([canary?.weight, canary === undefined ? undefined : 'allowedError' in canary], [5, false]);
  });

  it('a label has no weight; a canary has one, with the range of its value', () => {
    const greet = parseReleaseManifest(withProduction(`, canary: {production: ${target(', weight: 5')}}`)).manifest.prompts.get('greet');
    assert.deepEqual(Object.keys(greet?.labels.get('production') ?? {}), ['commit', 'path', 'sha256', 'ranges']);
    assert.equal(greet?.canaries.get('production')?.weight, 5);
    assert.deepEqual(greet?.canaries.get('production')?.ranges?.weight, { start: { line: 2, character: 352 }, end: { line: 2, character: 353 } });
  });

  it('a key that is not a name (a YAML list as a key) is a field with no name, or a label with none, in every map', () => {
    const cases: [string, string[]][] = [
      ['version: 1\n? [a]\n: x\n', ['2:3-2:6 warning The release manifest has no field ""; it is kept but ignored.']],
      ['version: 1\nprompts:\n  greet: {labels: {}, [a]: x}\n', ['3:23-3:26 warning A prompt entry has no field ""; it is kept but ignored.']],
      [`version: 1\nprompts:\n  greet: {labels: {[a]: ${target()}}}\n`, ['3:20-3:23 error "" is not a valid label name: use 1 to 36 characters of a-z, 0-9, "_", "." and "-".']],
      [`version: 1\nprompts:\n  greet: {labels: {production: ${target(', [a]: x')}}}\n`, ['3:177-3:180 warning Label production of greet has no field ""; it is kept but ignored.']],
      [event((fields) => `${fields}, [a]: x`), ['3:224-3:227 warning Event 1 has no field ""; it is kept but ignored.']],
    ];
    for (const [text, expected] of cases) assert.deepEqual(problemsOf(text), expected, text);
  });

  it('a number written with a !!str tag has no quotes to remove: version, a canary weight and an event weight read as written', () => {
    assert.deepEqual(problemsOf('version: !!str 1\n'), []);
    assert.deepEqual(problemsOf(withProduction(`, canary: {production: ${target(', weight: !!str 10')}}`)), []);
    assert.deepEqual(problemsOf(event((fields) => `${fields.replace('action: promote', 'action: canary')}, weight: !!str 10`)), []);
    assert.equal(parseReleaseManifest(withProduction(`, canary: {production: ${target(', weight: !!str 10')}}`)).manifest.prompts.get('greet')?.canaries.get('production')?.weight, 10);
  });

  it('lists problems in the order of the file, whatever order they were found in', () => {
    // Duplicate keys are looked for before the fields are read; the unknown field above them still comes first.
    assert.deepEqual(problemsOf('version: 1\nowner: me\nprompts:\n  2024: {labels: {}}\n  "2024": {labels: {}}\n'), [
      '2:1-2:6 warning The release manifest has no field "owner"; it is kept but ignored.',
      '5:3-5:9 error "2024" is written twice in this map; only the first would count, so keep one.',
    ]);
    assert.deepEqual(problemsOf(`version: 1\nprompts:\n  greet: {labels: {production: ${target(', by: me')}}, tags: x}\n`), [
      '3:177-3:179 warning Label production of greet has no field "by"; it is kept but ignored.',
      '3:187-3:191 warning A prompt entry has no field "tags"; it is kept but ignored.',
    ]);
  });
});
