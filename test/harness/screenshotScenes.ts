// Runs inside the extension host (as extensionTestsPath) while takeScreenshots.ts drives the browser:
// each scene sets up the editor through real commands, then asks the browser side for a screenshot.
import * as vscode from 'vscode';
import type { CanaryReport } from '../../src/extension/canary/canaryReport';
import type { PromptOpsApi } from '../../src/extension/main';
import type { AuditLogView } from '../../src/extension/releases/auditLogView';
import { testOutputTag } from '../integration/testOutputTag';

import { shotRequest } from './screenshotProtocol';
const settleMs = 2500;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Asks the browser side to take a screenshot, then gives it time to. */
async function shot(name: string): Promise<void> {
  await sleep(settleMs);
  console.log(`${testOutputTag}${shotRequest}${name}`);
  await sleep(settleMs);
}

/** Polls until `ready` holds (a scene waits for what it shows), failing after 20 s. */
async function waitFor(ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('A scene did not become ready within 20 s.');
    await sleep(200);
  }
}

function demoFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The demo workspace is not open.');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function run(): Promise<void> {
  const api = await vscode.extensions.getExtension<PromptOpsApi>('promptops.promptops')?.activate();
  if (!api) throw new Error('PromptOps is not installed in this window.');
  await shot('prepare');
  const summarize = demoFile('support/summarize.prompt');

  await vscode.commands.executeCommand('workbench.view.extension.promptops');
  await vscode.window.showTextDocument(summarize);
  await shot('click:summarize.prompt');
  await shot('promptops-view-container');

  await vscode.commands.executeCommand('promptops.preview', summarize, 'outage');
  await shot('preview');

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const refundReply = demoFile('support/refund-reply.prompty');
  await vscode.window.showTextDocument(refundReply);
  await vscode.commands.executeCommand('promptops.preview', refundReply, 'two-items');
  await shot('prompty-preview');

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.window.showTextDocument(demoFile('onboarding/welcome-email.prompt'));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await shot('diagnostics');

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.window.showTextDocument(summarize);
  await vscode.commands.executeCommand('promptops.releases.focus');
  await shot('click:Audit log');
  await shot('releases');

  // Set Canary from the production label: the version comes first, without the one production serves.
  const [releases] = await api.releases.getChildren();
  const production = releases ? (await api.releases.getChildren(releases)).find((node) => node.kind === 'label' && node.label.label === 'production') : undefined;
  if (!production) throw new Error('The demo has no production label in the Releases view.');
  const picked = new Promise<void>((resolve) => {
    const listener = api.questions.onDidShow((shown) => {
      if (shown.kind !== 'pick') return;
      listener.dispose();
      resolve();
    });
  });
  const asking = vscode.commands.executeCommand('promptops.setCanary', production);
  await picked;
  await shot('set-canary');
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await asking;

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const auditLog = await vscode.commands.executeCommand<AuditLogView>('promptops.showAuditLog', summarize);
  await auditLog.snapshot((snapshot) => snapshot.rows.length > 0);
  await shot('audit-log');

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('promptops.renderedDiff', summarize, 'production', 'staging', 'outage');
  await shot('rendered-diff');

  // The demo's outcomes and the settings pointing at them come from demoOutcomes.ts.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const report = await vscode.commands.executeCommand<CanaryReport | undefined>('promptops.canaryReport', summarize, 'production');
  if (!report) throw new Error('The Canary report did not open.');
  await report.snapshot((snapshot) => snapshot.verdict !== undefined);
  await shot('canary-report');

  // Live delivery: the flags published from the editor, and the status bar item saying when they went live.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.view.extension.promptops');
  await vscode.workspace.getConfiguration('promptops').update('publish.flagsFile', 'prompts.flagd.json', vscode.ConfigurationTarget.Workspace);
  const [repository] = await api.releaseState.repositories();
  if (!repository) throw new Error('The demo has no release manifest.');
  await api.livePublishing.publishNow(repository.workspace);
  await vscode.window.showTextDocument(summarize);
  await waitFor(async () => {
    await api.livePublishing.check();
    await api.statusBar.update();
    return api.statusBar.text.includes('live: published');
  });
  // Setting the file before the first publish warns that it has not been published yet; that is past now.
  await vscode.commands.executeCommand('notifications.clearAll');
  await shot('live-publishing');
  await vscode.workspace.getConfiguration('promptops').update('publish.flagsFile', undefined, vscode.ConfigurationTarget.Workspace);
  await vscode.workspace.fs.delete(demoFile('prompts.flagd.json'));

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // The last scene: hide the other two views so the Registry view has the side bar to itself.
  await vscode.commands.executeCommand('promptops.versions.removeView').then(undefined, () => undefined);
  await vscode.commands.executeCommand('promptops.releases.removeView').then(undefined, () => undefined);
  await vscode.commands.executeCommand('promptops.registry.focus');
  await api.registryConnection.test();
  await api.registryDrift.update();
  const [connection] = await api.registry.getChildren();
  if (connection) {
    for (const node of await api.registry.getChildren(connection)) {
      if (node.kind !== 'folder') continue;
      await api.registryView.reveal(node, { expand: true });
      for (const prompt of await api.registry.getChildren(node)) {
        if (prompt.kind === 'prompt' && prompt.summary.name === 'support/summarize') await api.registryView.reveal(prompt, { expand: true, select: false });
      }
    }
  }
  await shot('registry');
}
