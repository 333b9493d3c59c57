import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { ShownToUser } from '../../src/extension/commands/userQuestions';
import type { AuditLogView } from '../../src/extension/releases/auditLogView';
import type { ReleasesNode } from '../../src/extension/releases/releasesTree';
import type { VersionsNode } from '../../src/extension/versions/versionsTree';
import type { BrowserClick } from '../harness/browserClicks';
import { commitWithAmbiguousPrefix } from '../harness/ambiguousCommit';
import { storyVersions } from '../harness/fixtureRepository';
import { clickInBrowser } from './browserClicks';
import { eventually, promptOps, workspaceFile } from './workspaceFiles';

// Release commands started without all their arguments, answered in the workbench as a user would.
const story = workspaceFile('prompts/story.prompt');
const manifest = workspaceFile('prompt-releases.yaml');
const [draft, rename, tone, title] = storyVersions;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', encoding: 'utf8' }).trim();
}

function commitOf(subject: string): string {
  return git('log', '--format=%H', `--grep=^${subject}$`, '-1');
}

async function manifestText(): Promise<string> {
  return (await vscode.workspace.fs.readFile(manifest)).toString();
}

/**
 * Runs a command and answers each quick pick or input box it shows with the next of `answers` (an
 * Escape once they run out); resolves with the command's result and everything it showed, in order.
 * Modal confirmations are refused by VS Code while tests run: a shown confirmation ends the flow unwritten.
 */
async function asked(answers: readonly BrowserClick[], run: () => Thenable<unknown>): Promise<{ result: unknown; shown: ShownToUser[] }> {
  const api = await promptOps();
  const shown: ShownToUser[] = [];
  const pending = [...answers];
  const listener = api.questions.onDidShow((question) => {
    shown.push(question);
    if (question.kind === 'pick' || question.kind === 'input') clickInBrowser(pending.shift() ?? { where: 'quickInput', press: 'Escape' });
  });
  try {
    const result = await run();
    return { result, shown };
  } finally {
    listener.dispose();
  }
}

function questionsOf(shown: readonly ShownToUser[]): string[] {
  return shown.map((question) => {
    switch (question.kind) {
      case 'pick':
        return `pick: ${question.placeHolder}`;
      case 'input':
        return `input: ${question.prompt}`;
      case 'confirm':
        return `confirm: ${question.message}`;
      case 'message':
        return `${question.severity}: ${question.text}`;
    }
  });
}

async function storyNode<K extends ReleasesNode['kind']>(kind: K, label?: string): Promise<Extract<ReleasesNode, { kind: K }>> {
  const api = await promptOps();
  const [prompt] = (await api.releases.getChildren()).filter((node) => node.kind === 'prompt' && node.prompt.id === 'prompts/story');
  assert.ok(prompt, 'the Releases view lists prompts/story');
  const found = (await api.releases.getChildren(prompt)).find((node): node is Extract<ReleasesNode, { kind: K }> => node.kind === kind && (label === undefined || (node.kind === 'label' && node.label.label === label)));
  assert.ok(found, `prompts/story has a ${kind} node${label ? ` ${label}` : ''}`);
  return found;
}

/** Selects prompts/story's production label in the Releases view, as a click does, and closes every editor. */
async function selectProductionLabel(): Promise<void> {
  const api = await promptOps();
  // Another row first, as a user's click changes the selection: choosing the row that is already
  // selected changes nothing, so it would not make this view's selection newer than the Versions view's.
  await api.releasesView.reveal(await storyNode('auditLog'), { select: true, focus: true });
  await eventually(() => api.releasesView.selection[0]?.kind, (kind) => kind === 'auditLog');
  await api.releasesView.reveal(await storyNode('label', 'production'), { select: true, focus: true });
  await eventually(
    () => api.releasesView.selection[0],
    (node) => node?.kind === 'label' && node.label.label === 'production',
  );
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await productionLabelIsTheTarget();
}

/** Waits until nothing but the selected production label names a prompt to act on: no editor is open, and the views' latest selection is that label. */
async function productionLabelIsTheTarget(): Promise<void> {
  const api = await promptOps();
  await eventually(
    () => {
      const latest = api.selection.latest() as ReleasesNode | VersionsNode | undefined;
      return { editor: vscode.window.activeTextEditor?.document.uri.toString(), latest: latest?.kind === 'label' ? `label ${latest.label.label}` : latest?.kind };
    },
    ({ editor, latest }) => editor === undefined && latest === 'label production',
  );
}

/** Waits for the moment a refreshing view reports no selection (polled often: it lasts as long as a git read). */
async function refreshingSelection(view: vscode.TreeView<unknown>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (view.selection.length > 0) {
    if (Date.now() > deadline) assert.fail('the view never re-read its selected node');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function versionNode(subject: string): Promise<Extract<VersionsNode, { kind: 'version' }>> {
  const api = await promptOps();
  const found = (await api.versions.getChildren({ kind: 'prompt', uri: story })).find((node): node is Extract<VersionsNode, { kind: 'version' }> => node.kind === 'version' && node.version.subject === subject);
  assert.ok(found, `the Versions view lists "${subject}"`);
  return found;
}

async function setConfirm(on: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('promptops').update('releases.confirm', on, vscode.ConfigurationTarget.Workspace);
}

describe('Release commands ask in order, name versions, and use the views\' selection', () => {
  let manifestAtStart: string;
  let manifestBefore: string;
  let short: (subject: string) => string;
  let [draftCommit, renameCommit, toneCommit, titleCommit] = ['', '', '', ''];

  before(async () => {
    manifestAtStart = await manifestText();
    [draftCommit, renameCommit, toneCommit, titleCommit] = [commitOf(draft.subject), commitOf(rename.subject), commitOf(tone.subject), commitOf(title.subject)];
    short = (subject) => commitOf(subject).slice(0, 7);
    // As the releases tests leave it (and the fixture, run alone): production on "add a tone", with a 20% canary on "ask for a title".
    await vscode.commands.executeCommand('promptops.setCanary', story, titleCommit, 'production', 20);
    manifestBefore = await manifestText();
    assert.match(manifestBefore, /weight: 20\b/);
  });

  afterEach(async () => {
    await setConfirm(undefined);
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    // The tests after these expect the labels as the releases tests left them.
    await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(manifestAtStart));
    await vscode.commands.executeCommand('promptops.refresh');
  });

  it('set canary from a label asks for the version first (not the one the label serves), then the weight, and confirms in versions, naming the canary it replaces', async () => {
    const { result, shown } = await asked(
      [
        { where: 'quickInput', pick: rename.subject },
        { where: 'quickInput', type: '25' },
        { where: 'quickInput', press: 'Escape' },
      ],
      async () => vscode.commands.executeCommand('promptops.setCanary', await storyNode('label', 'production')),
    );
    assert.equal(result, undefined);
    assert.deepEqual(questionsOf(shown), [
      `pick: Canary which version on production (which serves ${short(tone.subject)})?`,
      `input: Percent of production traffic for ${short(rename.subject)} (1–99; 0 ends the canary)`,
      'input: Note for the audit log (optional): why this change? Escape or Enter on an empty box: no note.',
      `confirm: Send 25% of prompts/story production traffic to ${short(rename.subject)} (stable stays ${short(tone.subject)})?`,
    ]);
    const [versions, weight, note, confirmation] = shown;
    assert.ok(versions?.kind === 'pick' && weight?.kind === 'input' && note?.kind === 'input' && confirmation?.kind === 'confirm');
    assert.deepEqual(
      versions.items.map((item) => item.label),
      ['$(close) End the canary', '$(tag) staging', title.subject, rename.subject, draft.subject],
    );
    assert.equal(versions.items.find((item) => item.label === title.subject)?.description?.endsWith(' · the canary now, 20%'), true);
    assert.equal(weight.value, '20');
    assert.equal(note.placeHolder, `Canary for prompts/story production: ${short(rename.subject)} serves 25% of traffic, ${short(tone.subject)} the rest.`);
    assert.match(confirmation.detail, new RegExp(`^This replaces the 20% canary on ${short(title.subject)}\\.[\\s\\S]*\\n\\nNo note\\.$`));
    assert.equal(await manifestText(), manifestBefore, 'nothing is written without the confirmation');
  });

  it('set canary offers only existing labels, each with what it serves now, its canary and since when', async () => {
    const { shown } = await asked([{ where: 'quickInput', press: 'Escape' }], () => vscode.commands.executeCommand('promptops.setCanary', story));
    const [labels] = shown;
    assert.ok(labels?.kind === 'pick');
    assert.equal(labels.placeHolder, 'Canary which label of prompts/story?');
    assert.deepEqual(
      labels.items.map((item) => item.label),
      ['production', 'staging'],
    );
    assert.match(labels.items[0]?.description ?? '', new RegExp(`^${short(tone.subject)} · canary 20% → ${short(title.subject)}, .+ ago$|^${short(tone.subject)} · canary 20% → ${short(title.subject)}, just now$`));
    assert.match(labels.items[1]?.description ?? '', new RegExp(`^${short(title.subject)}, `));
  });

  it('a canary of the version the label serves is refused without saying it serves all traffic while a canary runs', async () => {
    const { result, shown } = await asked([], () => vscode.commands.executeCommand('promptops.setCanary', story, toneCommit, 'production'));
    const reason = `prompts/story production already serves ${toneCommit.slice(0, 7)} to 80% of traffic (its canary ${titleCommit.slice(0, 7)} takes 20%); a canary needs another version.`;
    assert.deepEqual(result, { kind: 'refused', reason });
    assert.deepEqual(questionsOf(shown), [`error: PromptOps could not set the canary: ${reason}`]);
  });

  it('promote, rollback and canary stop at once on an invalid manifest with its file:line:col, and the button opens it there', async () => {
    const broken = manifestBefore.replace('weight: 20', 'weight: 150');
    assert.notEqual(broken, manifestBefore);
    const line = broken.split('\n').findIndex((text) => text.includes('weight: 150'));
    const column = (broken.split('\n')[line] ?? '').indexOf('150');
    await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(broken));
    try {
      const reason = `prompt-releases.yaml:${line + 1}:${column + 1}: A canary weight is a whole percentage from 1 to 99, not 150.`;
      for (const [command, action] of [
        ['promptops.promote', 'promote the version'],
        ['promptops.rollback', 'roll back'],
        ['promptops.setCanary', 'set the canary'],
      ] as const) {
        const { result, shown } = await asked([], () => vscode.commands.executeCommand(command, story));
        assert.deepEqual(result, { kind: 'refused', reason }, command);
        assert.deepEqual(questionsOf(shown), [`error: PromptOps could not ${action}: ${reason}`], `${command} asks nothing`);
        assert.deepEqual(shown[0]?.kind === 'message' ? shown[0].buttons : [], ['Open prompt-releases.yaml']);
      }
      clickInBrowser({ where: 'notification', button: 'Open prompt-releases.yaml' });
      const editor = await eventually(() => vscode.window.activeTextEditor, (active) => active?.document.uri.toString() === manifest.toString());
      assert.deepEqual([editor?.selection.active.line, editor?.selection.active.character], [line, column]);
      assert.equal(await manifestText(), broken, 'the manifest is left as it was');
    } finally {
      await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(manifestBefore));
    }
  });

  it('from the Command Palette with no editor and no selection, compare asks for the prompt, then both versions', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const { result, shown } = await asked(
      [
        { where: 'quickInput', pick: 'story.prompt' },
        { where: 'quickInput', pick: draft.subject },
        { where: 'quickInput', pick: 'Working tree' },
      ],
      () => vscode.commands.executeCommand('promptops.compareVersions'),
    );
    assert.deepEqual(questionsOf(shown), ['pick: Which prompt?', 'pick: Compare from which version?', `pick: Compare ${draftCommit.slice(0, 7)} with which version?`]);
    const diff = result as { left: vscode.Uri; right: vscode.Uri };
    assert.match(diff.left.query, new RegExp(draftCommit));
    assert.equal(diff.right.fsPath, story.fsPath);
  });

  it('with a version selected in the Versions view, compare with working copy and promote use it without asking for it', async () => {
    const api = await promptOps();
    await api.versionsView.reveal(await versionNode(tone.subject), { select: true, focus: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const compared = await asked([], () => vscode.commands.executeCommand('promptops.compareWithWorking'));
    assert.deepEqual(compared.shown, []);
    assert.match((compared.result as { left: vscode.Uri }).left.query, new RegExp(toneCommit));
    await api.versionsView.reveal(await versionNode(title.subject), { select: true, focus: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const promoted = await asked([{ where: 'quickInput', press: 'Escape' }], () => vscode.commands.executeCommand('promptops.promote'));
    assert.deepEqual(questionsOf(promoted.shown), [`pick: Promote ${titleCommit.slice(0, 7)} of prompts/story to which label?`]);
  });

  it('with a label selected in the Releases view, rollback uses it, asks for a note with the event\'s sentence, and confirms', async () => {
    // Production moves on first, so that it has a version to roll back to.
    await vscode.commands.executeCommand('promptops.promote', story, renameCommit, 'production', 'a version to roll back from');
    const before = await manifestText();
    await eventually(async () => (await storyNode('label', 'production')).label.target.commit, (commit) => commit === renameCommit);
    await selectProductionLabel();
    const { result, shown } = await asked([{ where: 'quickInput', press: 'Escape' }], () => vscode.commands.executeCommand('promptops.rollback'));
    assert.equal(result, undefined);
    assert.deepEqual(questionsOf(shown), ['input: Note for the audit log (optional): why this change? Escape or Enter on an empty box: no note.', 'confirm: Roll prompts/story production back?']);
    const [note, confirmation] = shown;
    assert.ok(note?.kind === 'input' && confirmation?.kind === 'confirm');
    assert.equal(note.placeHolder, `Rolled back prompts/story production: ${renameCommit.slice(0, 7)} → ${toneCommit.slice(0, 7)}.`);
    assert.equal(confirmation.detail, `${renameCommit.slice(0, 7)} → ${toneCommit.slice(0, 7)}\n\nNo note.`);
    assert.equal(await manifestText(), before);
  });

  it('a label selected in the Releases view stays what rollback acts on while the views refresh, even after a version was selected in the Versions view', async () => {
    const api = await promptOps();
    await api.versionsView.reveal(await versionNode(tone.subject), { select: true, focus: true });
    await eventually(() => api.versionsView.selection[0], (node) => node?.kind === 'version' && node.version.subject === tone.subject);
    await selectProductionLabel();
    // A refresh (a commit, a manifest change) re-reads git. Until VS Code fetches the selected row
    // again, a view's own selection is empty although the row stays selected on screen; then it
    // reports the Versions view's row selected again, which is not the user choosing it.
    await vscode.commands.executeCommand('promptops.refresh');
    await refreshingSelection(api.releasesView);
    await productionLabelIsTheTarget();
    const { shown } = await asked([{ where: 'quickInput', press: 'Escape' }], () => vscode.commands.executeCommand('promptops.rollback'));
    assert.deepEqual(questionsOf(shown), ['input: Note for the audit log (optional): why this change? Escape or Enter on an empty box: no note.', 'confirm: Roll prompts/story production back?']);
  });

  it('rollback to an abbreviated commit confirms that very commit, not the step back it would take without one', async () => {
    const start = await manifestText();
    // Production served "rename", then "add a tone", then "ask for a title": one step back is the tone, but the user named the rename.
    await vscode.commands.executeCommand('promptops.promote', story, renameCommit, 'production');
    await vscode.commands.executeCommand('promptops.promote', story, toneCommit, 'production');
    await vscode.commands.executeCommand('promptops.promote', story, titleCommit, 'production');
    const before = await manifestText();
    const { result, shown } = await asked([{ where: 'quickInput', press: 'Escape' }], async () => vscode.commands.executeCommand('promptops.rollback', await storyNode('label', 'production'), undefined, renameCommit.slice(0, 9)));
    assert.equal(result, undefined);
    const confirmation = shown.find((question) => question.kind === 'confirm');
    assert.ok(confirmation?.kind === 'confirm', `a confirmation was shown; shown: ${JSON.stringify(shown)}`);
    assert.equal(confirmation.detail, `${titleCommit.slice(0, 7)} → ${renameCommit.slice(0, 7)}\n\nNo note.`);
    assert.equal(await manifestText(), before);
    await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(start));
    await vscode.commands.executeCommand('promptops.refresh');
  });

  it('a note typed for a rollback goes into the audit log and the Releases view, even after focus left the note box; Escape writes no note at all', async () => {
    await setConfirm(false);
    const api = await promptOps();
    // The user clicks in the editor area while the note box is open: the box stays, so the note typed next is kept.
    const clickedElsewhere = api.questions.onDidShow((question) => {
      if (question.kind === 'input') clickInBrowser({ where: 'editorArea' });
    });
    try {
      await asked([{ where: 'quickInput', type: 'the tone confuses readers' }], async () => vscode.commands.executeCommand('promptops.rollback', await storyNode('label', 'production')));
    } finally {
      clickedElsewhere.dispose();
    }
    const events = await api.releases.getChildren(await storyNode('auditLog'));
    const [newest] = events;
    assert.ok(newest?.kind === 'event');
    assert.deepEqual([newest.event.action, newest.event.from, newest.event.to, newest.event.note], ['rollback', renameCommit, toneCommit, 'the tone confuses readers']);
    const item = api.releases.getTreeItem(newest);
    assert.match(String(item.description), /· the tone confuses readers$/);
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip);
    assert.match(tooltip, /the tone confuses readers/);

    const before = await manifestText();
    await asked(
      [
        { where: 'quickInput', pick: draft.subject },
        { where: 'quickInput', type: '5' },
        { where: 'quickInput', press: 'Escape' },
      ],
      async () => vscode.commands.executeCommand('promptops.setCanary', await storyNode('label', 'production')),
    );
    const after = await manifestText();
    const added = after.slice(before.length);
    assert.match(added, new RegExp(`action: canary.*to: ${draftCommit}`));
    assert.doesNotMatch(added, /note:/);
  });

  it('the audit log opens as a table (when, who, action, from → to, note) whose changes open a compare', async () => {
    // Its own events, from the state the suite starts in (production on "add a tone"), whatever the tests before it did.
    await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(manifestBefore));
    await vscode.commands.executeCommand('promptops.promote', story, renameCommit, 'production', 'the rename reads better');
    await vscode.commands.executeCommand('promptops.setCanary', story, draftCommit, 'production', 5);
    const view = await vscode.commands.executeCommand<AuditLogView>('promptops.showAuditLog', story);
    const shown = await view.snapshot((snapshot) => snapshot.rows.some((row) => row.includes('canary 5%')));
    assert.ok(shown.elements.includes('table'));
    assert.doesNotMatch(shown.text, /\|---/);
    const [canary, promote] = shown.rows;
    assert.deepEqual(canary?.slice(1), ['Fixture Author', 'canary 5%', 'production', `${renameCommit.slice(0, 7)} → ${draftCommit.slice(0, 7)}`, '']);
    assert.deepEqual(promote?.slice(1), ['Fixture Author', 'promote', 'production', `${toneCommit.slice(0, 7)} → ${renameCommit.slice(0, 7)}`, 'the rename reads better']);
    clickInBrowser({ where: 'webview', selector: 'tbody tr:first-child a.compare' });
    const tab = await eventually(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input, (input) => input instanceof vscode.TabInputTextDiff);
    assert.ok(tab instanceof vscode.TabInputTextDiff);
    assert.match(tab.modified.query, new RegExp(draftCommit));
  });

  it('the restore confirmation says the change is saved when auto save is on, and unsaved when it is off', async () => {
    for (const [autoSave, detail] of [
      ['afterDelay', 'Auto save is on (files.autoSave), so the change is saved like any edit; Undo brings the current text back.'],
      ['off', 'The editor keeps the change unsaved, and Undo brings the current text back.'],
    ] as const) {
      await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Workspace);
      const text = (await vscode.workspace.fs.readFile(story)).toString();
      const { shown } = await asked([{ where: 'quickInput', pick: draft.subject }], () => vscode.commands.executeCommand('promptops.restoreVersion', story));
      const confirmation = shown.find((question) => question.kind === 'confirm');
      assert.ok(confirmation?.kind === 'confirm', `a confirmation with files.autoSave ${autoSave}`);
      assert.equal(confirmation.detail, detail);
      assert.equal((await vscode.workspace.fs.readFile(story)).toString(), text);
    }
  });

  it('versions are abbreviated as git abbreviates them: longer than 7 characters where 7 would be ambiguous', async () => {
    const file = workspaceFile('prompts/ambiguous.prompt');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('---\ninput:\n  schema:\n    name: string\n---\nHello {{name}}.\n'));
    git('add', 'prompts/ambiguous.prompt');
    const commit = commitWithAmbiguousPrefix(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'ambiguous: first version');
    try {
      const abbreviated = git('rev-parse', '--short=7', commit);
      assert.ok(abbreviated.length > 7, `git abbreviates ${commit} to more than 7 characters (${abbreviated})`);
      await vscode.commands.executeCommand('promptops.refresh');
      const api = await promptOps();
      const node = await eventually(
        async () => (await api.versions.getChildren({ kind: 'prompt', uri: file })).find((candidate) => candidate.kind === 'version'),
        (found) => found?.kind === 'version' && found.version.id === commit,
      );
      assert.ok(node);
      assert.match(String(api.versions.getTreeItem(node).description), new RegExp(`^${abbreviated} · `));
      const opened = await asked([{ where: 'quickInput', pick: abbreviated }], () => vscode.commands.executeCommand('promptops.openVersion', file));
      const [versions] = opened.shown;
      assert.ok(versions?.kind === 'pick');
      assert.deepEqual(versions.items.map((item) => item.description?.split(' · ')[0]), [abbreviated]);
      const tab = await eventually(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label, (label) => label?.includes(abbreviated) === true);
      assert.ok(tab?.includes(abbreviated));
    } finally {
      git('rm', '--quiet', 'prompts/ambiguous.prompt');
      git('commit', '--quiet', '-m', 'ambiguous: removed');
    }
  });

  it('the message after a promote given all its arguments names the version as git abbreviates it, not by its first 7 characters', async () => {
    const file = workspaceFile('prompts/ambiguous-promote.prompt');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('---\ninput:\n  schema:\n    name: string\n---\nHi {{name}}.\n'));
    git('add', 'prompts/ambiguous-promote.prompt');
    const commit = commitWithAmbiguousPrefix(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'ambiguous-promote: first version');
    const before = await manifestText();
    const api = await promptOps();
    const shown: ShownToUser[] = [];
    const listening = api.questions.onDidShow((item) => shown.push(item));
    try {
      const abbreviated = git('log', '-1', '--format=%h', commit);
      assert.ok(abbreviated.length > 7, `git abbreviates ${commit} to more than 7 characters (${abbreviated})`);
      await vscode.commands.executeCommand('promptops.promote', file, commit, 'production');
      const messages = await eventually(() => shown.filter((item) => item.kind === 'message'), (items) => items.length > 0);
      assert.deepEqual(messages, [
        { kind: 'message', severity: 'information', text: `Promoted prompts/ambiguous-promote to production: ${abbreviated} (a new label); prompt-releases.yaml is changed, not committed.`, buttons: [] },
      ]);
    } finally {
      listening.dispose();
      await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(before));
      git('rm', '--quiet', 'prompts/ambiguous-promote.prompt');
      git('commit', '--quiet', '-m', 'ambiguous-promote: removed');
    }
  });
});
