import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { parseVersionUri } from '../../src/extension/versions/versionUri';
import { promptOps, workspaceFile } from './workspaceFiles';

const ticket = workspaceFile('prompts/ticket.prompt');

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', encoding: 'utf8' }).trim();
}

async function write(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceFile(relative), new TextEncoder().encode(text));
}

function commit(message: string): string {
  git('add', '-A', 'prompts');
  git('commit', '--quiet', '-m', message);
  return git('rev-parse', 'HEAD');
}

/** Runs `open`, then waits until PromptOps has published the checks of the document `which` picks. */
async function checkedAfter(open: () => Thenable<unknown>, which: (uri: vscode.Uri) => boolean): Promise<vscode.Uri> {
  const api = await promptOps();
  const published = new Promise<vscode.Uri>((resolve) => {
    const listener = api.diagnostics.onDidCheck((uri) => {
      if (!which(uri)) return;
      listener.dispose();
      resolve(uri);
    });
  });
  await open();
  return published;
}

function shown(uri: vscode.Uri): [string, number, number, string][] {
  return vscode.languages.getDiagnostics(uri).map((diagnostic) => [String(diagnostic.code), diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.message]);
}

const atCommit = (commit: string) => (uri: vscode.Uri) => parseVersionUri(uri)?.commit === commit && uri.path.endsWith('/ticket.prompt');

describe('Old versions are checked as they were at their commit', () => {
  let withoutPartial: string;
  let clean: string;

  before(async () => {
    const prompt = (partial: string) => `---\ninput:\n  schema:\n    ticket: string\n---\n{{> ${partial}}}\nSummarize {{ticket}}.\n`;
    await write('prompts/ticket.prompt', prompt('tone'));
    await write('prompts/ticket.samples.yaml', 'outage: {}\n');
    withoutPartial = commit('ticket: a tone partial that does not exist yet');
    await write('prompts/partials/_tone.prompt', 'Be calm.\n');
    await write('prompts/ticket.samples.yaml', 'outage:\n  ticket: Dashboard down\n');
    clean = commit('ticket: add the tone partial and a sample ticket');
    // The working tree moves on: the partial is renamed and the sample file is gone.
    git('mv', 'prompts/partials/_tone.prompt', 'prompts/partials/_voice.prompt');
    git('rm', '--quiet', 'prompts/ticket.samples.yaml');
    await write('prompts/ticket.prompt', prompt('voice'));
    commit('ticket: the tone partial becomes voice');
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a version that passes check at its commit shows no problem, though the working tree lacks its partial and sample file', async () => {
    const uri = await checkedAfter(() => vscode.commands.executeCommand('promptops.openVersion', ticket, clean), atCommit(clean));
    assert.deepEqual(shown(uri), []);
  });

  it('a version shows the problems it had at its commit: the partial missing then, the sample set of that commit lacking a value', async () => {
    const uri = await checkedAfter(() => vscode.commands.executeCommand('promptops.openVersion', ticket, withoutPartial), atCommit(withoutPartial));
    assert.deepEqual(shown(uri), [
      ['missing-partial', 5, 4, "No partial named 'tone' was found (dotprompt looks for _tone.prompt beside the prompt or in a partials/ folder)."],
    ]);
    const sampleProblems = vscode.languages.getDiagnostics().filter(([candidate, list]) => parseVersionUri(candidate)?.path === 'prompts/ticket.samples.yaml' && list.length > 0);
    assert.deepEqual(
      sampleProblems.map(([candidate, list]) => [parseVersionUri(candidate)?.commit, list.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.message])]),
      [[withoutPartial, [['missing-sample-value', 0, "Sample set 'outage' has no value for required variable 'ticket'."]]]],
    );
  });

  it('compare diffs check their old side at its commit too', async () => {
    const uri = await checkedAfter(() => vscode.commands.executeCommand('promptops.compareVersions', ticket, clean, 'WORKING'), atCommit(clean));
    assert.deepEqual(shown(uri), []);
  });
});
