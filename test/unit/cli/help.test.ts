import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/cli/cliIo';
import { helpOverview } from '../../../src/cli/helpText';
import type { Verb } from '../../../src/cli/verb';
import { loadAllVerbs } from '../../../src/cli/verbTable';
import { shellWords } from '../../harness/readmeCommands';
import { runPromptops } from './cliRunner';

function fakeVerb(name: string, group: Verb['group'], usage: string, summary: string): Verb {
  return { name, group, usage, summary, example: `promptops ${name}`, run: () => Promise.resolve(ExitCode.ok) };
}

describe('promptops help', () => {
  it('lists verbs by group with their synopsis and summary in two aligned columns', () => {
    const text = helpOverview(
      [
        fakeVerb('log', 'releases', 'log [FILE] [--label L]', 'List events.'),
        fakeVerb('check', 'authoring', 'check [PATH...] [--format F]', 'Check prompts.'),
        fakeVerb('canary', 'releases', 'canary FILE VERSION --weight N | FILE --clear', 'Split traffic.'),
      ],
      '9.8.7',
    );
    assert.equal(
      text,
      [
        'promptops 9.8.7: check, render, version and release prompt files.',
        'Usage: promptops <command> [options]',
        '',
        'Authoring:',
        '  promptops check [PATH...]      Check prompts.',
        '',
        'Releases:',
        '  promptops log [FILE]           List events.',
        '  promptops canary FILE VERSION  Split traffic.',
        '',
        'Help:',
        "  promptops help [COMMAND]       Show this help, or a command's options and an example.",
        '  promptops --version            Print the version.',
        '',
        'Exit codes: 0 ok, 1 findings or refused, 2 usage or environment error.',
        '',
      ].join('\n'),
    );
  });

  it('starts every command line of --help with promptops and every summary at the same column', async () => {
    const verbs = await loadAllVerbs();
    const run = await runPromptops(['--help']);
    assert.equal(run.code, 0);
    const commandLines = run.stdout.split('\n').filter((line) => line.startsWith('  '));
    assert.equal(commandLines.length, verbs.length + 2);
    const summaryColumns = new Set<number>();
    for (const line of commandLines) {
      assert.match(line, /^ {2}promptops \S/, line);
      summaryColumns.add(/^ {2}promptops \S.*? {2,}(?=\S)/.exec(line)?.[0].length ?? -1);
    }
    assert.equal(summaryColumns.size, 1, `summaries start at columns ${[...summaryColumns].join(', ')}`);
    for (const { name } of verbs) assert.ok(commandLines.some((line) => line.startsWith(`  promptops ${name} `)), name);
    const titles = run.stdout.split('\n').filter((line) => /^[A-Z]\w*:$/.test(line));
    assert.deepEqual(titles, ['Authoring:', 'Versions:', 'Releases:', 'Registry:', 'Help:']);
  });

  it('shows the full usage and an example for each verb with help VERB and VERB --help', async () => {
    const check = await runPromptops(['help', 'check']);
    assert.equal(check.code, 0);
    assert.equal(
      check.stdout,
      [
        'promptops check [PATH...] [--format text|json|github|sarif] [--jobs N]',
        '',
        'Check prompts and their sample files (exit 1 on errors).',
        'PATH is a prompt file or a folder to search (default: the working folder). --format github annotates pull requests, sarif writes a code-scanning log. --jobs N works on N threads at once, this one and N-1 workers (default: one per core when there are thousands of files); --jobs 1 works in one thread.',
        '',
        'Example:',
        '  promptops check prompts/ --format github',
        '',
      ].join('\n'),
    );
    assert.equal((await runPromptops(['check', '--help'])).stdout, check.stdout);
    const canary = await runPromptops(['help', 'canary']);
    assert.deepEqual(canary.stdout.split('\n').slice(0, 2), [
      'promptops canary FILE VERSION --label L --weight N [--note T] [--commit] [--yes] [--allow-errors] [--publish F]',
      'promptops canary FILE --label L --clear [--note T] [--commit] [--publish F]',
    ]);
  });

  it('says so in one sentence when help is asked about a verb that does not exist', async () => {
    const run = await runPromptops(['help', 'frobnicate']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'promptops: unknown command "frobnicate"; run "promptops help" for the list.\n');
  });

  it('gives every verb an example its own argument parser accepts', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-help-'));
    try {
      for (const verb of await loadAllVerbs()) {
        const help = await runPromptops(['help', verb.name]);
        const example = /\nExample:\n {2}(.*)\n/.exec(help.stdout)?.[1];
        if (!example?.startsWith(`promptops ${verb.name} `)) assert.fail(`${verb.name} has no example starting with its name: ${String(example)}`);
        // Outside any repository nothing is found or written, but the arguments are parsed first.
        const run = await runPromptops(shellWords(example).slice(1), empty);
        assert.doesNotMatch(run.stderr, /Usage:|Unknown option|unexpected argument/i, `${example}\n${run.stderr}`);
        assert.deepEqual(fs.readdirSync(empty), [], example);
      }
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
