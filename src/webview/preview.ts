// The test-render preview page. It builds every element with textContent, never innerHTML, so
// prompt text and sample values can never become markup, whatever they contain.
import type { FromWebview, PreviewState, ToWebview } from './previewProtocol';
import { element, pageRoot, vsCodeApi } from './pageBasics';

const vscode = vsCodeApi<FromWebview, PreviewState>();
const root = pageRoot();

function tokens(count: number): string {
  return `≈ ${count.toLocaleString('en-US')} token${count === 1 ? '' : 's'}`;
}

function toolbar(state: PreviewState): HTMLElement {
  const bar = element('div', 'toolbar');
  bar.append(element('span', 'file', state.fileName));
  const label = element('label', 'set-label', 'Sample set ');
  const select = element('select');
  select.id = 'sample-set';
  if (state.customInput !== undefined) select.append(new Option('custom input', '', true, true));
  for (const name of state.sampleSets) select.append(new Option(name, name, false, name === state.selectedSet));
  select.addEventListener('change', () => select.value && vscode.postMessage({ type: 'selectSet', name: select.value }));
  label.append(select);
  bar.append(label);
  const exact = element('label', 'exact-label');
  const toggle = element('input');
  toggle.type = 'checkbox';
  toggle.id = 'exact-whitespace';
  toggle.checked = state.exactWhitespace === true;
  toggle.addEventListener('change', () => vscode.postMessage({ type: 'exactWhitespace', on: toggle.checked }));
  exact.append(toggle, document.createTextNode(' Exact whitespace'));
  exact.title = 'Show each message exactly as rendered: leading and trailing blank lines, with line ends marked ↵';
  bar.append(exact);
  if (state.result.ok) bar.append(element('span', 'total', `${tokens(state.result.totalTokens)} in total`));
  const copy = element('button', 'copy', 'Copy as JSON');
  copy.id = 'copy-json';
  copy.disabled = !state.result.ok;
  copy.addEventListener('click', () => vscode.postMessage({ type: 'copyJson' }));
  bar.append(copy);
  return bar;
}

// What the user typed as custom input, and whether its section is open: each update rebuilds the
// page (the prompt or its samples changed), and must not wipe a draft being typed.
let customDraft: string | undefined;
let customOpen = false;

function customInputEditor(state: PreviewState): HTMLElement {
  const details = element('details', 'custom');
  details.open = customOpen || state.customInput !== undefined;
  details.addEventListener('toggle', () => (customOpen = details.open));
  details.append(element('summary', undefined, 'Custom input (JSON)'));
  const area = element('textarea');
  area.id = 'custom-input';
  area.spellcheck = false;
  area.value = customDraft ?? state.customInput ?? '{\n  \n}';
  area.addEventListener('input', () => (customDraft = area.value));
  const apply = element('button', undefined, 'Render with this input');
  apply.id = 'render-custom';
  apply.addEventListener('click', () => vscode.postMessage({ type: 'customInput', json: area.value }));
  const clear = element('button', 'secondary', 'Back to the sample set');
  clear.disabled = state.customInput === undefined;
  clear.addEventListener('click', () => vscode.postMessage({ type: 'clearCustomInput' }));
  details.append(area, element('div', 'actions'));
  details.lastElementChild?.append(apply, clear);
  return details;
}

/** A message's text as a card shows it: without the blank lines a template leaves around it (role markers, comments). */
function trimmedText(text: string): string {
  return text.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/(?:\r?\n[ \t]*)+$/, '');
}

/** The exact text, one span per line so the stylesheet can mark each line end. */
function exactText(text: string): HTMLElement {
  const pre = element('pre', 'text exact');
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    pre.append(element('span', index < lines.length - 1 ? 'line ended' : 'line', line));
    if (index < lines.length - 1) pre.append(document.createTextNode('\n'));
  });
  return pre;
}

function renderError(result: Extract<PreviewState['result'], { ok: false }>): HTMLElement {
  const error = element('div', 'error');
  error.setAttribute('role', 'alert');
  error.append(element('strong', undefined, 'Render error'));
  const line = element('div', 'error-line');
  const { location } = result;
  if (location) {
    const link = element('a', 'location', location.label);
    link.href = '#';
    link.title = 'Show this place in the editor';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage({ type: 'reveal', location });
    });
    line.append(link, document.createTextNode(': '));
  }
  line.append(element('span', 'message', result.error));
  error.append(line);
  return error;
}

function inputProblems(problems: readonly string[]): HTMLElement {
  const box = element('div', 'input-problems');
  box.setAttribute('role', 'status');
  box.append(element('strong', undefined, 'The custom input does not match the input schema'));
  const list = element('ul');
  for (const problem of problems) list.append(element('li', undefined, problem));
  box.append(list);
  return box;
}

function body(state: PreviewState): HTMLElement {
  const list = element('div', 'messages');
  if (state.inputProblems && state.inputProblems.length > 0) list.append(inputProblems(state.inputProblems));
  if (!state.result.ok) {
    list.append(renderError(state.result));
    return list;
  }
  if (state.result.messages.length === 0) list.append(element('p', 'empty', 'The prompt renders no messages.'));
  for (const message of state.result.messages) {
    const card = element('section', `card role-${message.role.replace(/[^a-z]/g, '')}`);
    const header = element('header');
    header.append(element('span', 'role', message.role), element('span', 'tokens', tokens(message.tokens)));
    card.append(header, state.exactWhitespace ? exactText(message.text) : element('pre', 'text', trimmedText(message.text)));
    list.append(card);
  }
  return list;
}

function show(state: PreviewState): void {
  root.replaceChildren(toolbar(state), customInputEditor(state), body(state));
  vscode.setState(state);
  const elements = [...root.querySelectorAll('*')].map((node) => node.tagName.toLowerCase());
  const bodyAttributes = [...document.body.attributes].map((attribute) => attribute.name);
  const cards = [...root.querySelectorAll('section.card')].map((card) => ({ role: card.querySelector('.role')?.textContent ?? '', text: card.querySelector('pre')?.textContent ?? '' }));
  vscode.postMessage({ type: 'rendered', html: root.innerHTML, text: root.innerText, elements, title: document.title, bodyAttributes, cards });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data.type === 'state') show(event.data.state);
});

const saved = vscode.getState();
if (saved) show(saved);
vscode.postMessage({ type: 'ready' });
