import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { parseReleaseManifest } from '../../src/core/releases/manifestParser';
import type { CanaryReport, CanaryReportCommandRun } from '../../src/extension/canary/canaryReport';
import { parseVersionUri } from '../../src/extension/versions/versionUri';
import { storyVersions } from '../harness/fixtureRepository';
import { outcomeRows } from '../unit/cli/canary/outcomeFixture';
import { clickInBrowser } from './browserClicks';
import { promptOps, workspaceFile } from './workspaceFiles';

const story = workspaceFile('prompts/story.prompt');
const manifest = workspaceFile('prompt-releases.yaml');
const outcomes = workspaceFile('outcomes/story.jsonl');
const [, , tone, title] = storyVersions;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', encoding: 'utf8' }).trim();
}

async function writeOutcomes(rows: readonly unknown[]): Promise<void> {
  await vscode.workspace.fs.writeFile(outcomes, new TextEncoder().encode(rows.map((row) => JSON.stringify(row)).join('\n') + '\n'));
}

async function manifestText(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(manifest));
}

async function storyReleases() {
  return parseReleaseManifest(await manifestText()).manifest.prompts.get('prompts/story');
}

describe('Canary report', () => {
  let toneCommit: string;
  let titleCommit: string;
  let original: string;
  let report: CanaryReport | undefined;

  /** 900 stable and 100 canary units: the canary resolves 75% of tickets where stable resolves 50%, latency `canaryLatency` ms vs 1,110. */
  const rows = (canaryLatency = 1110) =>
    outcomeRows({
      prompt: 'prompts/story',
      stable: { units: 900, commit: toneCommit, metrics: (i) => ({ resolved: i % 2 === 0, latency_ms: 1020 + (i % 10) * 20 }) },
      canary: { units: 100, commit: titleCommit, metrics: (i) => ({ resolved: i % 4 !== 3, latency_ms: canaryLatency - 90 + (i % 10) * 20 }) },
    });

  before(async () => {
    toneCommit = git('log', '--format=%H', `--grep=^${tone.subject}$`, '-1');
    titleCommit = git('log', '--format=%H', `--grep=^${title.subject}$`, '-1');
    original = await manifestText();
    // The release tests that run later expect the fixture's manifest as it was.
    await vscode.commands.executeCommand('promptops.setCanary', story, 'staging', 'production', 10);
    await writeOutcomes(rows());
    await vscode.workspace.getConfiguration('promptops').update('canary.outcomesFile', 'outcomes/story.jsonl', vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('promptops').update('canary.metrics', ['resolved', 'latency_ms:lower'], vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    report?.dispose();
    await vscode.workspace.getConfiguration('promptops').update('canary.outcomesFile', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('promptops').update('canary.metrics', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(original));
    await vscode.workspace.fs.delete(outcomes);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    (await promptOps()).releaseState.invalidate();
  });

  it('opens from the canary label in the Releases view, outcomes from the setting, with the verdict on top, a row and chart per metric and the SRM status', async () => {
    const api = await promptOps();
    api.releaseState.invalidate();
    const [prompt] = (await api.releases.getChildren()).filter((node) => node.kind === 'prompt' && node.prompt.id === 'prompts/story');
    assert.ok(prompt);
    const label = (await api.releases.getChildren(prompt)).find((node) => node.kind === 'label' && node.label.label === 'production');
    assert.ok(label?.kind === 'label' && label.label.canary, 'production has a canary');
    report = await vscode.commands.executeCommand<CanaryReport>('promptops.canaryReport', label);
    assert.ok(report, 'the command returns the report');
    const shown = await report.snapshot((snapshot) => snapshot.verdict !== undefined);
    assert.equal(shown.verdict, 'promote');
    assert.match(shown.text, /Verdict\s+promote/i);
    assert.match(shown.text, /resolved \(primary\) is significantly better: \+0\.2500 \(95% confidence sequence \+0\.\d+ to \+0\.\d+\)/);
    assert.ok(shown.text.indexOf('promote') < shown.text.indexOf('latency_ms'), 'the verdict comes before the metrics');
    assert.match(shown.text, /latency_ms\s*lower is better/);
    assert.match(shown.text, /Sample ratio: 900 stable and 100 canary units \(canary 10\.00%, weight 10%\), p = 1\.00: no mismatch/);
    assert.equal(shown.elements.filter((tag) => tag === 'svg').length, 2, 'one interval chart per metric');
    assert.ok(shown.elements.includes('circle') && shown.elements.includes('line'));
    assert.ok(shown.html.includes('id="promote"') && !shown.html.includes('id="promote" disabled'), 'Promote canary is enabled for a running canary');
  });

  it('refreshes when the outcome file changes', async () => {
    assert.ok(report);
    await writeOutcomes(rows(1310));
    const shown = await report.snapshot((snapshot) => snapshot.verdict === 'roll-back');
    assert.match(shown.text, /latency_ms \(lower is better\) is significantly worse: \+200\.0/);
  });

  it('shows metric names from the outcome file as text, never as markup', async () => {
    assert.ok(report);
    await writeOutcomes(outcomeRows({
      prompt: 'prompts/story',
      stable: { units: 20, commit: toneCommit, metrics: (i) => ({ '<img src=x onerror=document.body.dataset.pwned=1>': i }) },
      canary: { units: 3, commit: titleCommit, metrics: (i) => ({ '<img src=x onerror=document.body.dataset.pwned=1>': i }) },
    }));
    const shown = await report.snapshot((snapshot) => snapshot.text.includes('<img src=x'));
    assert.ok(!shown.elements.includes('img'), 'no <img> element was created');
    assert.ok(shown.html.includes('&lt;img src=x onerror='), 'the name is escaped in the page');
    await writeOutcomes(rows());
    await report.snapshot((snapshot) => snapshot.verdict === 'promote');
  });

  /** Answers each input box (the note) with Escape, as a user skipping the note would; records what was asked. */
  async function skippingNotes(): Promise<{ readonly asked: string[]; dispose(): void }> {
    const api = await promptOps();
    const asked: string[] = [];
    const listener = api.questions.onDidShow((shown) => {
      if (shown.kind === 'input') clickInBrowser({ where: 'quickInput', press: 'Escape' });
      if (shown.kind === 'input' || shown.kind === 'confirm') asked.push(shown.kind === 'input' ? `note: ${shown.placeHolder ?? ''}` : `confirm: ${shown.message}`);
    });
    return { asked, dispose: () => listener.dispose() };
  }

  // VS Code refuses modal dialogs while extension tests run, so each confirmation answers "no" here:
  // the button's command runs with the arguments that make it ask, and the manifest stays as it was.
  it('Roll back runs promptops.setCanary with 0% for the label, which asks before it ends the canary', async () => {
    assert.ok(report);
    const before = await manifestText();
    const ran = new Promise<CanaryReportCommandRun>((resolve) => report?.onDidRunCommand(resolve));
    const questions = await skippingNotes();
    clickInBrowser({ where: 'webview', selector: '#roll-back' });
    const run = await ran;
    questions.dispose();
    assert.deepEqual(questions.asked, [
      `note: Cleared the canary of prompts/story production: ${toneCommit.slice(0, 7)} serves all traffic.`,
      'confirm: End the canary of prompts/story production?',
    ]);
    assert.equal(run.command, 'promptops.setCanary');
    assert.deepEqual(run.args.map((arg) => (arg instanceof vscode.Uri ? arg.fsPath : arg)), [story.fsPath, undefined, 'production', 0]);
    assert.equal(run.result, undefined, 'the confirmation was not given');
    assert.equal(await manifestText(), before, 'nothing is written without the confirmation');
    assert.equal((await storyReleases())?.canaries.get('production')?.commit, titleCommit);
  });

  it('Promote canary runs promptops.promote on the canary version, which shows the diff and asks before it promotes', async () => {
    assert.ok(report);
    const before = await manifestText();
    const ran = new Promise<CanaryReportCommandRun>((resolve) => report?.onDidRunCommand(resolve));
    const questions = await skippingNotes();
    clickInBrowser({ where: 'webview', selector: '#promote' });
    const run = await ran;
    questions.dispose();
    assert.deepEqual(questions.asked, [`note: Promoted prompts/story to production: ${toneCommit.slice(0, 7)} → ${titleCommit.slice(0, 7)}.`, 'confirm: Promote prompts/story to production?']);
    assert.equal(run.command, 'promptops.promote');
    const [version, explicitVersion, label] = run.args;
    assert.ok(version instanceof vscode.Uri);
    assert.deepEqual([parseVersionUri(version)?.commit, parseVersionUri(version)?.workingFile, explicitVersion, label], [titleCommit, story.fsPath, undefined, 'production']);
    assert.ok(vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.label === 'story.prompt: production now ↔ after promote'), 'the diff of what production would change was shown before asking');
    assert.equal(await manifestText(), before, 'nothing is written without the confirmation');
  });

  it('shows an ended canary from the audit log, with its buttons disabled', async () => {
    assert.ok(report);
    await vscode.commands.executeCommand('promptops.setCanary', story, 'staging', 'production', 0);
    // The promote diff covered the report; shown again, it redraws.
    report.panel.reveal();
    const shown = await report.snapshot((snapshot) => snapshot.html.includes('id="promote" disabled'));
    assert.match(shown.text, /ended; from the audit log/);
    assert.equal(shown.verdict, 'promote');
  });

  it('promptops.findVersion opens the version an application log names by SHA-256 or commit', async () => {
    const hash = createHash('sha256').update(title.text).digest('hex');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('promptops.findVersion', hash);
    assert.ok(uri);
    assert.equal(parseVersionUri(uri)?.commit, titleCommit);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), title.text);
    const byCommit = await vscode.commands.executeCommand<vscode.Uri>('promptops.findVersion', toneCommit.slice(0, 8), 'prompts/story');
    assert.equal(parseVersionUri(byCommit)?.commit, toneCommit);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), tone.text);
  });
});

// Runs only in the harness's restricted-mode pass.
describe('Canary report and findVersion (untrusted workspace)', () => {
  it('refuse to run git: no report opens and no version is looked up', async () => {
    const api = await promptOps();
    const before = vscode.window.tabGroups.all.flatMap((group) => group.tabs).length;
    assert.equal(await vscode.commands.executeCommand('promptops.canaryReport', story, 'production', outcomes), undefined);
    assert.equal(api.canaryReports.reportOf('prompts/story', 'production'), undefined);
    assert.equal(await vscode.commands.executeCommand('promptops.findVersion', 'HEAD'), undefined);
    assert.equal(vscode.window.tabGroups.all.flatMap((group) => group.tabs).length, before);
  });
});
