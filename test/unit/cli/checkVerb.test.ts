import * as assert from 'node:assert/strict';
import { GitFixture } from '../node/gitFixture';
import { runPromptops } from './cliRunner';

const cleanPrompt = `---
input:
  schema:
    name: string
---
Hello, {{name}}!
`;

describe('promptops check', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = GitFixture.create();
  });
  afterEach(() => repo.dispose());

  it('exits 0 and says so when every prompt is clean', async () => {
    repo.write('prompts/greet.prompt', cleanPrompt);
    repo.write('prompts/greet.samples.yaml', 'ada:\n  name: Ada\n');
    const run = await runPromptops(['check'], repo.root);
    assert.equal(run.stdout, 'No problems in 1 prompt file.\n');
    assert.equal(run.code, 0);
  });

  it('reports each mistake as file:line:col with its code, and exits 1 on errors', async () => {
    repo.write('prompts/greet.prompt', cleanPrompt.replace('{{name}}', '{{nmae}}'));
    const run = await runPromptops(['check', 'prompts'], repo.root);
    assert.equal(run.code, 1);
    assert.equal(
      run.stdout,
      [
        "prompts/greet.prompt:4:5: warning unused-variable: 'name' is declared in the input schema but the template never uses it.",
        "prompts/greet.prompt:6:10: error undeclared-variable: 'nmae' is not declared in the input schema; did you mean 'name'?",
        '',
        '2 problems (1 error, 1 warning) in 1 file; 1 prompt file checked.',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when there are only warnings', async () => {
    repo.write('a.prompt', `---\ninput:\n  schema:\n    name: string\n    extra: string\n---\nHi {{name}}\n`);
    const run = await runPromptops(['check'], repo.root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /1 problem \(0 errors, 1 warning\)/);
  });

  it('checks each prompt of one run against its own inputs, though another declares the same input with another kind', async () => {
    const prompty = (kind: string): string => `---\ninputs:\n  count:\n    kind: ${kind}\n    default: three\n---\n{{ count }}\n`;
    repo.write('a/integer.prompty', prompty('integer'));
    repo.write('a/string.prompty', prompty('string'));
    repo.write('b/integer.prompty', prompty('integer'));
    const run = await runPromptops(['check', '--format', 'json'], repo.root);
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string; message: string }[] };
    const mismatch = "In the default set (input.default), 'count' must be an integer, not a string.";
    assert.deepEqual(
      report.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.code, diagnostic.message]),
      [
        ['a/integer.prompty', 'sample-type-mismatch', mismatch],
        ['b/integer.prompty', 'sample-type-mismatch', mismatch],
      ],
    );
  });

  it('finds partials in a partials/ folder up the tree, and reports a missing one', async () => {
    repo.write('partials/_footer.prompt', 'Thanks!\n');
    repo.write('team/support/reply.prompt', 'Hi.\n{{> footer}}\n{{> signature}}\n');
    const run = await runPromptops(['check', '--format', 'json'], repo.root);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string; range: unknown }[] };
    assert.deepEqual(
      report.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
      [['missing-partial', { start: { line: 2, character: 4 }, end: { line: 2, character: 13 } }]],
    );
  });

  it('prints GitHub annotations with 1-based ranges and escaped text', async () => {
    repo.write('p.prompt', '{{#each items}}\n{{name}}\n');
    const run = await runPromptops(['check', '--format', 'github'], repo.root);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^::error file=p\.prompt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=promptops template-syntax::/);
  });

  it('prints control characters quoted from a file as visible escapes, in text and in annotations', async () => {
    // A YAML escape puts a real ESC into a type name the warning quotes; a line separator sits in a field name.
    repo.write('e.prompt', '---\ninput:\n  schema:\n    a: "str\\x1b[2Jing"\n    b\u2028c: string\n---\nHi {{a}}\n');
    const text = await runPromptops(['check'], repo.root);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^e\.prompt:4:8: warning front-matter-schema: 'str\\x1b\[2Jing' is not a Picoschema type/m);
    assert.match(text.stdout, /^e\.prompt:5:5: warning unused-variable: 'b\\u2028c' is declared/m);
    const github = await runPromptops(['check', '--format', 'github'], repo.root);
    assert.match(github.stdout, /::'str\\x1b\[2Jing' is not a Picoschema type/);
    for (const output of [text.stdout, github.stdout]) assert.ok(!/[\u001b\u2028]/.test(output), output);
  });

  it('writes a SARIF 2.1.0 log whose results point at the source lines', async () => {
    repo.write('p.prompt', `---\ninput:\n  schema:\n    name: string\n---\n{{nam}}\n`);
    const run = await runPromptops(['check', '--format', 'sarif'], repo.root);
    const log = JSON.parse(run.stdout) as { version: string; runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0]?.results ?? [];
    const undeclared = results.find((result) => result.ruleId === 'undeclared-variable');
    assert.ok(undeclared);
    assert.equal(undeclared.level, 'error');
    assert.deepEqual(undeclared.locations[0]?.physicalLocation.region, { startLine: 6, startColumn: 3, endLine: 6, endColumn: 6 });
    assert.equal(undeclared.locations[0]?.physicalLocation.artifactLocation.uri, 'p.prompt');
  });

  it('reports a binary file named .prompt and invalid UTF-8 as errors without crashing', async () => {
    repo.write('binary.prompt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    repo.write('latin1.prompt', new Uint8Array([0x48, 0xe9, 0x6c, 0x6c, 0x6f]));
    const run = await runPromptops(['check'], repo.root);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^binary\.prompt:1:1: error unreadable-file: binary\.prompt is a binary file, not a text prompt\.$/m);
    assert.match(run.stdout, /^latin1\.prompt:1:2: error unreadable-file: latin1\.prompt is not valid UTF-8 text: the byte at line 1, column 2 is not UTF-8\.$/m);
  });

  it('keeps ranges right in a CRLF file with a byte order mark', async () => {
    repo.write('crlf.prompt', '\uFEFF---\r\ninput:\r\n  schema:\r\n    name: string\r\n---\r\nHi {{nmae}}\r\n');
    const run = await runPromptops(['check', '--format', 'json'], repo.root);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; range: unknown }[] };
    const undeclared = report.diagnostics.find((diagnostic) => diagnostic.code === 'undeclared-variable');
    assert.deepEqual(undeclared?.range, { start: { line: 5, character: 5 }, end: { line: 5, character: 9 } });
  });

  it('a path that does not exist is a usage error in one sentence (exit 2)', async () => {
    const run = await runPromptops(['check', 'nowhere'], repo.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'promptops check: nowhere does not exist.\n');
  });

  it('an unknown format is a usage error naming the choices', async () => {
    const run = await runPromptops(['check', '--format', 'xml'], repo.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'promptops check: --format must be one of text, json, github, sarif, not "xml".\n');
  });
});
