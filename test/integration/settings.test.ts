import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, promptOps, workspaceFile } from './workspaceFiles';

const story = workspaceFile('prompts/story.prompt');

/** The release labels the Versions view shows on the story prompt's versions. */
async function storyBadges(): Promise<string[]> {
  const api = await promptOps();
  const nodes = await api.versions.getChildren({ kind: 'prompt', uri: story });
  return nodes.flatMap((node) => (node.kind === 'version' ? node.labels : [])).sort();
}

describe('Settings take effect without a reload', () => {
  it('another promptops.releasesFile is read at once, and its file is watched: creating it brings the labels back', async () => {
    const settings = vscode.workspace.getConfiguration('promptops');
    const otherManifest = workspaceFile('other-releases.yaml');
    const manifestText = await vscode.workspace.fs.readFile(workspaceFile('prompt-releases.yaml'));
    assert.deepEqual(await storyBadges(), ['production', 'staging']);
    try {
      await settings.update('releasesFile', 'other-releases.yaml', vscode.ConfigurationTarget.Global);
      // No refresh command: the setting change alone makes the view read the (missing) other manifest.
      assert.deepEqual(await eventually(storyBadges, (badges) => badges.length === 0), []);
      await vscode.workspace.fs.writeFile(otherManifest, manifestText);
      assert.deepEqual(await eventually(storyBadges, (badges) => badges.length > 0), ['production', 'staging']);
      const api = await promptOps();
      const [repository] = await api.releaseState.repositories();
      assert.equal(repository?.workspace.manifestFile, otherManifest.fsPath);
    } finally {
      await settings.update('releasesFile', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(otherManifest).then(undefined, () => undefined);
    }
    assert.deepEqual(await eventually(storyBadges, (badges) => badges.length > 0), ['production', 'staging']);
  });
});
