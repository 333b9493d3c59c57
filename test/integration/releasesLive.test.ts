import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReleasesNode } from '../../src/extension/releases/releasesTree';
import { eventually, promptOps, workspaceFile } from './workspaceFiles';

const story = workspaceFile('prompts/story.prompt');
const manifest = workspaceFile('prompt-releases.yaml');
const storyFlag = 'promptops.prompts/story.production';

/** The production node of prompts/story in the Releases view, as its inline Roll Back action receives it. */
async function productionNode(): Promise<Extract<ReleasesNode, { kind: 'label' }>> {
  const api = await promptOps();
  const [prompt] = (await api.releases.getChildren()).filter((node) => node.kind === 'prompt' && node.prompt.id === 'prompts/story');
  assert.ok(prompt, 'the Releases view lists prompts/story');
  const label = (await api.releases.getChildren(prompt)).find((node) => node.kind === 'label' && node.label.label === 'production');
  assert.ok(label?.kind === 'label', 'prompts/story has a production label');
  return label;
}

function defaultVariantIn(flagsFile: string): unknown {
  return JSON.parse(fs.readFileSync(flagsFile, 'utf8')).flags[storyFlag].defaultVariant;
}

describe('Live delivery from the editor: promptops.publish.flagsFile', () => {
  let folder: string;
  let flagsFile: string;
  let manifestBefore: Uint8Array;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-live-'));
    flagsFile = path.join(folder, 'flags.json');
    manifestBefore = await vscode.workspace.fs.readFile(manifest);
    await vscode.workspace.getConfiguration('promptops').update('publish.flagsFile', flagsFile, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('promptops').update('publish.flagsFile', undefined, vscode.ConfigurationTarget.Workspace);
    // The tests after this one expect the labels as the releases tests left them.
    await vscode.workspace.fs.writeFile(manifest, manifestBefore);
    await vscode.commands.executeCommand('promptops.refresh');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('a rollback from the Releases view rewrites the flags file, and the status bar says when it went live', async () => {
    const api = await promptOps();
    const before = await productionNode();
    const served = before.label.target.commit;
    // Production first moves to another version (publishing it), so that it has one to roll back to.
    const other = (await api.releaseState.repositories())[0]?.status.prompts.find((prompt) => prompt.id === 'prompts/story')?.labels.find((entry) => entry.label === 'staging')?.target.commit;
    assert.ok(other && other !== served, 'staging serves another version than production');
    await vscode.commands.executeCommand('promptops.promote', story, other, 'production');
    assert.equal(defaultVariantIn(flagsFile), other);

    const outcome = await vscode.commands.executeCommand('promptops.rollback', await productionNode(), 'production');
    assert.ok(outcome && typeof outcome === 'object' && 'publication' in outcome);
    assert.deepEqual(outcome.publication, { ok: true, to: flagsFile });
    assert.equal(defaultVariantIn(flagsFile), served);

    await vscode.window.showTextDocument(story);
    const text = await eventually(
      async () => {
        await api.statusBar.update();
        return api.statusBar.text;
      },
      (shown) => / · live: published \d\d:\d\d:\d\d$/.test(shown),
    );
    assert.match(text, new RegExp(`^\\$\\(tag\\) production ${served.slice(0, 7)} `));
  });

  it('warns in the status bar when the published flags no longer say what the manifest releases', async () => {
    const api = await promptOps();
    const flags = JSON.parse(fs.readFileSync(flagsFile, 'utf8'));
    const [someOther] = Object.keys(flags.flags[storyFlag].variants).filter((variant) => variant !== flags.flags[storyFlag].defaultVariant);
    flags.flags[storyFlag].defaultVariant = someOther ?? 'by-hand';
    fs.writeFileSync(flagsFile, JSON.stringify(flags));
    const live = await eventually(() => api.livePublishing.check(), (state) => state.kind === 'differs');
    assert.deepEqual(live, { kind: 'differs', file: flagsFile, reason: `${flagsFile} does not say what prompt-releases.yaml releases (edited by hand, or labels moved without publishing, e.g. by a pull).` });
    await vscode.window.showTextDocument(story);
    await eventually(
      async () => {
        await api.statusBar.update();
        return api.statusBar.text;
      },
      (shown) => shown.endsWith(' · $(warning) live: differs'),
    );
  });
});
