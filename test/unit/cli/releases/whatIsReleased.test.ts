import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, manifestBytes, manifestIn, short, summarizeV1, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';

describe('One id, one file', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  async function refused(argv: string[], message: string): Promise<void> {
    const before = manifestBytes(repo.fixture);
    const run = await promptops(...argv);
    assert.deepEqual(run, { code: 1, stdout: '', stderr: `promptops ${argv[0] ?? ''}: ${message}\n` });
    assert.deepEqual(manifestBytes(repo.fixture), before, 'nothing is written');
  }

  it('check reports duplicate-prompt-id on both files, each pointing at the other (a name, and a name equal to a path id)', async () => {
    repo.fixture.write('billing/summary.prompt', '---\nname: support/summarize\n---\nSummarize the invoice {{invoice}}\n');
    repo.fixture.write('billing/refund.prompt', '---\nname: billing/refunds\nvariant: short\n---\nRefund {{order}}\n');
    repo.fixture.write('billing/refunds.short.prompt', 'Refund {{order}} briefly\n');
    const run = await promptops('check', '--format', 'json');
    assert.equal(run.code, 1);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string; range: unknown; message: string; related: { file: string; range: unknown }[] }[] };
    const duplicates = diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-prompt-id');
    const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    assert.deepEqual(
      duplicates.map(({ file: where, range, message, related }) => ({ where, range, message, related: related.map((item) => [item.file, item.range]) })),
      [
        {
          where: 'billing/refund.prompt',
          range: at(1, 6, 21),
          message: "The prompt id 'billing/refunds.short' is also the id of billing/refunds.short.prompt; releases could not tell them apart, so give one of them another name.",
          related: [['billing/refunds.short.prompt', at(0, 0, 0)]],
        },
        {
          where: 'billing/refunds.short.prompt',
          range: at(0, 0, 0),
          message: "The prompt id 'billing/refunds.short' is also the id of billing/refund.prompt; releases could not tell them apart, so give one of them another name.",
          related: [['billing/refund.prompt', at(1, 6, 21)]],
        },
        {
          where: 'billing/summary.prompt',
          range: at(1, 6, 23),
          message: "The prompt id 'support/summarize' is also the id of support/summarize.prompt; releases could not tell them apart, so give one of them another name.",
          related: [['support/summarize.prompt', at(0, 0, 0)]],
        },
        {
          where: 'support/summarize.prompt',
          range: at(0, 0, 0),
          message: "The prompt id 'support/summarize' is also the id of billing/summary.prompt; releases could not tell them apart, so give one of them another name.",
          related: [['billing/summary.prompt', at(1, 6, 23)]],
        },
      ],
    );
  });

  it('promote and canary refuse an id two files in the working tree declare', async () => {
    await promptops('promote', file, repo.v1);
    repo.fixture.commit('billing summary', { files: { 'billing/summary.prompt': '---\nname: support/summarize\n---\nSummarize {{invoice}}\n' } });
    const message = 'support/summarize is also the id of billing/summary.prompt, so a release could not tell which file it means; give one of them another name (promptops check reports duplicate-prompt-id).';
    await refused(['promote', file, repo.v2], message);
    await refused(['canary', file, repo.v2, '--weight', '10'], message);
    await refused(['promote', 'billing/summary.prompt', 'HEAD'], 'support/summarize is also the id of support/summarize.prompt, so a release could not tell which file it means; give one of them another name (promptops check reports duplicate-prompt-id).');
  });

  it('promote refuses to bind an id the manifest releases from another file to a second file', async () => {
    await promptops('promote', file, repo.v1);
    const other = repo.fixture.commit('summarize moves to billing, under the old id', {
      files: { [file]: null, 'billing/summary.prompt': '---\nname: support/summarize\n---\nSummarize {{invoice}}\n' },
    });
    await refused(['promote', 'billing/summary.prompt', other], 'support/summarize is released from support/summarize.prompt; billing/summary.prompt declares the same id, so it cannot be released under it; give it another name.');
  });

  it('a renamed prompt keeps its id and its releases: its older path is its own', async () => {
    await promptops('promote', file, repo.v1);
    const renamed = repo.fixture.commit('rename', { renames: { [file]: 'support/summary.prompt' } });
    const edited = repo.fixture.commit('name it', { files: { 'support/summary.prompt': `---\nname: support/summarize\n${summarizeV1.slice(4)}` } });
    assert.notEqual(renamed, edited);
    const run = await promptops('promote', 'support/summary.prompt', edited);
    assert.deepEqual(run, { code: 0, stdout: `Promoted support/summarize to production: ${short(repo.v1)} → ${short(edited)}.\n`, stderr: '' });
  });

  it('no event ever goes from a commit to itself: the same version is "already at", a canary completed by promote ends with the promote', async () => {
    await promptops('promote', file, repo.v1);
    const before = manifestBytes(repo.fixture);
    assert.deepEqual(await promptops('promote', file, repo.v1.slice(0, 12)), { code: 0, stdout: `support/summarize production is already at ${short(repo.v1)}. Nothing to do.\n`, stderr: '' });
    assert.deepEqual(manifestBytes(repo.fixture), before);
    await promptops('canary', file, repo.v2, '--weight', '10');
    await promptops('promote', file, repo.v2);
    await promptops('canary', file, repo.v1, '--weight', '20', '--yes');
    await promptops('rollback', file);
    const events = manifestIn(repo.fixture).manifest.events;
    assert.deepEqual(
      events.map(({ action, from, to }) => [action, from === null ? null : short(from), short(to)]),
      [
        ['promote', null, short(repo.v1)],
        ['canary', short(repo.v1), short(repo.v2)],
        ['promote', short(repo.v1), short(repo.v2)],
        ['canary', short(repo.v2), short(repo.v1)],
        ['rollback', short(repo.v2), short(repo.v1)],
      ],
    );
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.canaries.size, 0, 'rolling back to the canary\'s version ends the canary');
  });
});

describe('Only prompts that pass check are released', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  async function refused(argv: string[], message: string, code = 1): Promise<void> {
    const before = manifestBytes(repo.fixture);
    const run = await promptops(...argv);
    assert.deepEqual(run, { code, stdout: '', stderr: `promptops ${argv[0] ?? ''}: ${message}\n` });
    assert.deepEqual(manifestBytes(repo.fixture), before, 'nothing is written');
  }

  it('refuses folders, files that are not prompts, sample files and partials', async () => {
    const samples = repo.fixture.commit('samples', { files: { 'support/summarize.samples.yaml': 'outage:\n  ticket: Down\n' } });
    await refused(['promote', 'support', 'HEAD'], 'support is a folder; name one .prompt or .prompty file in it.', 2);
    await refused(['promote', 'README.md', 'HEAD'], 'README.md is not a prompt file: only .prompt and .prompty files are released.');
    await refused(['promote', 'support/summarize.samples.yaml', samples], 'support/summarize.samples.yaml is a sample file, not a prompt: release the prompt it belongs to.');
    await refused(['promote', 'support/_style.prompt', repo.v2], 'support/_style.prompt is a partial: it is released inside the prompts that include it, never on its own.');
    await refused(['canary', 'support/_style.prompt', repo.v2, '--weight', '5'], 'support/_style.prompt is a partial: it is released inside the prompts that include it, never on its own.');
    fs.symlinkSync('summarize.prompt', path.join(repo.fixture.root, 'support/alias.prompt'));
    await refused(['promote', 'support/alias.prompt', 'HEAD'], 'support/alias.prompt is a symbolic link; git keeps the link, not the prompt, so release the file it points to.');
  });

  // Each: a broken version of the prompt, and the first error `check` gives it, as file:line:col.
  const broken: [string, string, string][] = [
    ['a template that does not parse', '---\ninput:\n  schema:\n    ticket: string\n---\nSummarize {{#if ticket}}{{ticket}}\n', 'support/summarize.prompt:6:11: {{#if ticket}} is never closed; add {{/if}} after its content'],
    ['front matter that is not YAML', '---\ninput: [ticket\n---\nSummarize {{ticket}}\n', 'support/summarize.prompt:2:14: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a front matter field of the wrong shape', '---\ninput: 5\n---\nSummarize {{ticket}}\n', "support/summarize.prompt:2:8: 'input' must be a map with schema and default, not a number"],
    ['a partial its commit does not have', '---\ninput:\n  schema:\n    ticket: string\n---\n{{> signature}}\nSummarize {{ticket}}\n', "support/summarize.prompt:6:5: No partial named 'signature' was found (dotprompt looks for _signature.prompt beside the prompt or in a partials/ folder)"],
  ];
  for (const [what, text, error] of broken) {
    it(`refuses a version with ${what}, naming its first error as file:line:col; --allow-errors releases it and records the error`, async () => {
      const commit = repo.fixture.commit('broken', { files: { [file]: text } });
      // The working tree may have what the commit lacks: the version is checked as it is in its commit.
      repo.fixture.write('support/_signature.prompt', 'Support team\n');
      const message = `${short(commit)} does not pass check, so it is not released: ${error} (fix it in a new commit, or pass --allow-errors in an emergency).`;
      await refused(['promote', file, commit], message);
      await refused(['canary', file, commit, '--weight', '5'], message);
      const forced = await promptops('promote', file, commit, '--allow-errors', '--note', 'hotfix, errors known');
      assert.equal(forced.code, 0, forced.stderr);
      const [event] = manifestIn(repo.fixture).manifest.events;
      assert.equal(event?.allowedError, `${error}.`);
      const log = await promptops('log');
      assert.match(log.stdout, new RegExp(`\\n {4}released with errors allowed: ${error.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\n$`));
    });
  }

  it('a canary with --allow-errors records the error it went past, as promote does', async () => {
    await promptops('promote', file, repo.v1);
    const commit = repo.fixture.commit('broken', { files: { [file]: '---\ninput:\n  schema:\n    ticket: string\n---\nSummarize {{#if ticket}}{{ticket}}\n' } });
    const forced = await promptops('canary', file, commit, '--weight', '5', '--allow-errors');
    assert.equal(forced.code, 0, forced.stderr);
    assert.deepEqual(manifestIn(repo.fixture).manifest.events.map((event) => [event.action, event.allowedError]), [
      ['promote', undefined],
      ['canary', 'support/summarize.prompt:6:11: {{#if ticket}} is never closed; add {{/if}} after its content.'],
    ]);
  });
});
