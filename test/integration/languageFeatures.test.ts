import * as assert from 'node:assert/strict';
// The module object itself (not an import namespace), so the test can wrap its functions.
import fs = require('node:fs');
import * as vscode from 'vscode';
import { eventually, promptOps, workspaceFile } from './workspaceFiles';

const fixesPrompt = workspaceFile('prompts/fixes.prompt');
const fixesSamples = workspaceFile('prompts/fixes.samples.yaml');
const supportPrompt = workspaceFile('prompts/support.prompt');
const supportSamples = workspaceFile('prompts/support.samples.yaml');

/** The text of every fixture file a test may edit, as the harness copied it. */
const originals = new Map<string, string>();

async function textOf(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

/** Puts edited fixture files back as they were, on disk and in their editors. */
async function restoreFixtures(): Promise<void> {
  for (const [key, text] of originals) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(key));
    if (document.getText() !== text) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
      await vscode.workspace.applyEdit(edit);
    }
    if (document.isDirty) await document.save();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function ours(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'promptops' && diagnostic.code === code);
}

/** Waits for a diagnostic of a code to be published, and returns it. */
async function diagnosticOf(uri: vscode.Uri, code: string, where?: (diagnostic: vscode.Diagnostic) => boolean): Promise<vscode.Diagnostic> {
  const found = await eventually(() => ours(uri, code).filter(where ?? (() => true)), (list) => list.length > 0);
  const first = found[0];
  assert.ok(first);
  return first;
}

/** Asks VS Code for the quick fixes at a diagnostic's range and returns the one with this title. */
async function quickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  await vscode.workspace.openTextDocument(uri);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `a quick fix titled "${title}" among ${JSON.stringify(actions.map((candidate) => candidate.title))}`);
  assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(action.edit, 'the fix carries its edit');
  return action;
}

async function applyAndExpectGone(action: vscode.CodeAction, uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<void> {
  assert.ok(action.edit);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true);
  const same = (candidate: vscode.Diagnostic): boolean => candidate.message === diagnostic.message;
  await eventually(() => ours(uri, String(diagnostic.code)).filter(same).length, (count) => count === 0);
}

function lineOf(text: string, line: number): string | undefined {
  return text.split('\n')[line];
}

describe('Language features', () => {
  before(async () => {
    await promptOps();
    for (const uri of [fixesPrompt, fixesSamples, supportPrompt, supportSamples]) originals.set(uri.toString(), await textOf(uri));
  });
  afterEach(() => restoreFixtures());

  describe('quick fixes', () => {
    beforeEach(() => vscode.window.showTextDocument(fixesPrompt));

    it('a misspelt property is changed to the declared one and its diagnostic goes away', async () => {
      const diagnostic = await diagnosticOf(fixesPrompt, 'unknown-property');
      const elsewhere = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', fixesPrompt, new vscode.Range(0, 0, 0, 3), vscode.CodeActionKind.QuickFix.value);
      assert.deepEqual(elsewhere.map((action) => action.title), [], 'fixes are offered only where their diagnostic is');
      await applyAndExpectGone(await quickFix(fixesPrompt, diagnostic, "Change to 'name'"), fixesPrompt, diagnostic);
      assert.equal(lineOf(await textOf(fixesPrompt), 9), 'Hello {{customer.name}}, welcome to {{plna}}. You have {{orderCount}} orders.');
    });

    it('a misspelt variable is changed to the closest declared name, the preferred fix', async () => {
      const diagnostic = await diagnosticOf(fixesPrompt, 'undeclared-variable', (candidate) => candidate.message.includes("'plna'"));
      const fix = await quickFix(fixesPrompt, diagnostic, "Change to 'plan'");
      assert.equal(fix.isPreferred, true);
      await applyAndExpectGone(fix, fixesPrompt, diagnostic);
      assert.equal(lineOf(await textOf(fixesPrompt), 9), 'Hello {{customer.nmae}}, welcome to {{plan}}. You have {{orderCount}} orders.');
    });

    it('an undeclared variable is declared in the schema with the type its sample values have', async () => {
      const diagnostic = await diagnosticOf(fixesPrompt, 'undeclared-variable', (candidate) => candidate.message.includes("'orderCount'"));
      await applyAndExpectGone(await quickFix(fixesPrompt, diagnostic, "Declare 'orderCount' (integer) in the input schema"), fixesPrompt, diagnostic);
      const schema = (await textOf(fixesPrompt)).split('\n').slice(2, 9);
      assert.deepEqual(schema, ['  schema:', '    customer(object):', '      name: string', '    plan: string', '    # kept for the next release', '    legacyCode: string', '    orderCount: integer']);
    });

    it('a sample set that lacks a required variable gets a placeholder of its type', async () => {
      const diagnostic = await diagnosticOf(fixesSamples, 'missing-sample-value');
      await applyAndExpectGone(await quickFix(fixesSamples, diagnostic, "Add 'plan' (string) to sample set 'trial'"), fixesSamples, diagnostic);
      assert.deepEqual((await textOf(fixesSamples)).split('\n').slice(5), ['trial:', '  customer: {name: Lin}', '  legacyCode: X2', '  orderCount: 0', '  plan: ""', '']);
    });

    it('a sample value of the wrong type is converted when it says the same in the declared type, else replaced by an example', async () => {
      const editor = await vscode.window.showTextDocument(fixesSamples);
      await editor.edit((edit) => {
        edit.replace(new vscode.Range(2, 8, 2, 11), '14');
        edit.replace(new vscode.Range(5, 0, 5, 0), 'odd:\n  customer: {name: 7}\n  plan: [pro]\n');
      });
      const convertible = await diagnosticOf(fixesSamples, 'sample-type-mismatch', (candidate) => candidate.message.includes("set 'basic'"));
      const convert = await quickFix(fixesSamples, convertible, 'Convert 14 to "14" (string)');
      assert.equal(convert.isPreferred, true);
      await applyAndExpectGone(convert, fixesSamples, convertible);
      assert.equal(lineOf(await textOf(fixesSamples), 2), '  plan: "14"');
      const list = await diagnosticOf(fixesSamples, 'sample-type-mismatch', (candidate) => candidate.message.includes("'plan'"));
      await applyAndExpectGone(await quickFix(fixesSamples, list, 'Replace with an example of type string'), fixesSamples, list);
      assert.equal(lineOf(await textOf(fixesSamples), 7), '  plan: ""');
    });

    it('an unused declaration is removed from the schema and from every sample set', async () => {
      const diagnostic = await diagnosticOf(fixesPrompt, 'unused-variable', (candidate) => candidate.message.includes("'legacyCode'"));
      const fix = await quickFix(fixesPrompt, diagnostic, "Remove unused 'legacyCode' from the input schema and 2 sample sets");
      assert.equal(fix.isPreferred, true);
      await applyAndExpectGone(fix, fixesPrompt, diagnostic);
      assert.ok(!(await textOf(fixesPrompt)).includes('legacyCode: string'));
      assert.ok(!(await textOf(fixesSamples)).includes('legacyCode'));
      assert.deepEqual(ours(fixesSamples, 'unknown-sample-key').filter((candidate) => candidate.message.includes('legacyCode')), []);
    });
  });

  describe('completion, hover, definition and rename', () => {
    beforeEach(() => vscode.window.showTextDocument(supportPrompt));

    async function completionsAt(line: number, character: number): Promise<vscode.CompletionItem[]> {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', supportPrompt, new vscode.Position(line, character));
      return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text);
    }

    const labelled = (items: readonly vscode.CompletionItem[]): [string, string | undefined][] =>
      items.filter((item) => item.kind === vscode.CompletionItemKind.Variable || item.kind === vscode.CompletionItemKind.Property).map((item) => [typeof item.label === 'string' ? item.label : item.label.label, item.detail]);

    it('completion inside {{ lists the declared variables with their types, and helpers', async () => {
      const items = await completionsAt(13, 17);
      assert.deepEqual(labelled(items), [['customer', 'object'], ['question', 'string']]);
      assert.ok(items.some((item) => item.label === 'json' && item.kind === vscode.CompletionItemKind.Function), 'helpers are offered too');
    });

    it('completion after customer. lists the properties of the object', async () => {
      const items = await completionsAt(12, 37);
      assert.deepEqual(labelled(items), [['name', 'string'], ['tier', 'string or null']]);
    });

    it('completion offers nothing of its own outside a mustache', async () => {
      assert.deepEqual(labelled(await completionsAt(12, 22)), []);
    });

    it('typing {{ opens completion by itself, a space typed inside the mustache does not', async () => {
      const api = await promptOps();
      const document = await vscode.workspace.openTextDocument({ language: 'dotprompt', content: '---\ninput:\n  schema:\n    question: string\n---\n' });
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(5, 0, 5, 0);
      const opened: (string | undefined)[] = [];
      const listening = api.completions.onDidAsk((asked) => {
        if (asked.document.toString() === document.uri.toString()) opened.push(asked.triggerCharacter);
      });
      try {
        await vscode.commands.executeCommand('type', { text: '{{' });
        await eventually(() => [...opened], (seen) => seen.includes('{'));
        await vscode.commands.executeCommand('hideSuggestWidget');
        opened.length = 0;
        await vscode.commands.executeCommand('type', { text: ' ' });
        // Asked for by hand after the space: once this request arrives, one the space opened would have arrived before it.
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        await eventually(() => [...opened], (seen) => seen.includes(undefined));
        assert.deepEqual(opened.filter((character) => character !== undefined), [], 'no request was opened by a typed character');
        // The editor may have closed the braces itself; the space is typed right after `{{` either way.
        assert.ok(document.getText().includes('{{ '), document.getText());
      } finally {
        listening.dispose();
        await vscode.commands.executeCommand('hideSuggestWidget');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.window.showTextDocument(supportPrompt);
    });

    it('hover on a variable shows its type, description, default and value in the first sample set', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', supportPrompt, new vscode.Position(13, 20));
      const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      assert.ok(text.includes('**question** · `string` · required'), text);
      assert.ok(text.includes('the question as typed'), text);
      assert.ok(text.includes('Default: `"How do I reset my password?"`'), text);
      assert.ok(text.includes('Sample set `basic`: `"Where is my order?"`'), text);
    });

    it('hover and completion read no file synchronously once the sample file was read: the watcher says when it changes', async () => {
      const hoverText = async (): Promise<string> => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', supportPrompt, new vscode.Position(13, 20));
        return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      };
      await hoverText();
      const calls: string[] = [];
      const names = ['statSync', 'existsSync', 'readFileSync', 'lstatSync', 'accessSync'] as const;
      const originals = names.map((name) => [name, fs[name]] as const);
      for (const [name, original] of originals) {
        Object.assign(fs, { [name]: (...args: unknown[]) => (calls.push(`${name} ${String(args[0])}`), Reflect.apply(original, fs, args)) });
      }
      try {
        for (let i = 0; i < 5; i++) {
          await hoverText();
          await completionsAt(13, 20);
        }
      } finally {
        for (const [name, original] of originals) Object.assign(fs, { [name]: original });
      }
      assert.deepEqual(calls.filter((call) => call.includes('samples')), []);
    });

    it('the checks, hover, completion, definition and quick fixes of one edit analyse the template once', async () => {
      const api = await promptOps();
      const document = await vscode.workspace.openTextDocument(supportPrompt);
      const { format, path } = api.models.document(document);
      const analyze = format.analyze;
      const analysed: number[] = [];
      format.analyze = (model, options) => {
        if (model.path === path) analysed.push(document.version);
        return analyze.call(format, model, options);
      };
      try {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(supportPrompt, new vscode.Position(15, 0), 'Mention {{ordr}}.\n');
        assert.equal(await vscode.workspace.applyEdit(edit), true);
        const diagnostic = await diagnosticOf(supportPrompt, 'undeclared-variable', (candidate) => candidate.message.includes("'ordr'"));
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', supportPrompt, new vscode.Position(13, 20));
        await completionsAt(13, 17);
        await vscode.commands.executeCommand('vscode.executeDefinitionProvider', supportPrompt, new vscode.Position(14, 29));
        const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', supportPrompt, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        assert.ok(fixes.length > 0, 'the undeclared variable has its fixes');
      } finally {
        format.analyze = analyze;
      }
      assert.deepEqual(analysed, [document.version]);
    });

    it('hover follows the sample set chosen in the preview', async () => {
      const preview = await vscode.commands.executeCommand<{ sampleSet: string | undefined }>('promptops.preview', supportPrompt, 'terse');
      assert.equal(preview.sampleSet, 'terse');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', supportPrompt, new vscode.Position(13, 20));
      const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      assert.ok(text.includes('Sample set `terse`: `"Refund?"`'), text);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.window.showTextDocument(supportPrompt);
    });

    it('go to definition on a variable lands on its schema key', async () => {
      const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', supportPrompt, new vscode.Position(14, 29));
      const spots = targets.map((target) => ('targetUri' in target ? { uri: target.targetUri, range: target.targetRange } : target));
      assert.equal(spots.length, 1);
      assert.equal(spots[0]?.uri.toString(), supportPrompt.toString());
      assert.deepEqual(spots[0]?.range, new vscode.Range(5, 6, 5, 10), 'customer.name is declared on line 6');
    });

    it('go to definition on {{> signature}} opens the partial file', async () => {
      const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', supportPrompt, new vscode.Position(12, 73));
      const uris = targets.map((target) => ('targetUri' in target ? target.targetUri : target.uri).toString());
      assert.deepEqual(uris, [workspaceFile('prompts/_signature.prompt').toString()]);
    });

    it('rename changes the template, the schema, input.default and the sample file in one edit', async () => {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', supportPrompt, new vscode.Position(13, 20), 'query');
      assert.deepEqual(edit.entries().map(([uri]) => uri.toString()).sort(), [supportPrompt.toString(), supportSamples.toString()].sort());
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      const prompt = (await textOf(supportPrompt)).split('\n');
      assert.equal(prompt[8], '    query: string, the question as typed');
      assert.equal(prompt[10], '    query: How do I reset my password?');
      assert.equal(prompt[13], '{{role "user"}}{{query}}');
      assert.equal(prompt[14], '{{#with customer}}Asked by {{name}}: {{@root.query}}{{/with}}');
      assert.deepEqual((await textOf(supportSamples)).split('\n'), ['basic:', '  customer: {name: Ada, tier: gold}', '  query: Where is my order?', 'terse:', '  customer:', '    name: Grace', '  query: Refund?', '']);
      await eventually(() => vscode.languages.getDiagnostics(supportPrompt).filter((diagnostic) => diagnostic.source === 'promptops'), (list) => list.length === 0);
    });

    it('rename refuses a helper with a message that says why', async () => {
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', supportPrompt, new vscode.Position(13, 4), 'speaker')),
        /'role' is a helper, not a variable/,
      );
    });
  });
});
