// The audit log page: a table of release events, newest first. Every element is built with
// createElement and textContent, never innerHTML, so notes and names from the manifest stay text.
import type { AuditLogRow, AuditLogState, FromAuditLog, ToAuditLog } from './auditLogProtocol';
import { element, pageRoot, vsCodeApi } from './pageBasics';

const vscode = vsCodeApi<FromAuditLog, AuditLogState>();
const root = pageRoot();

function change(row: AuditLogRow): HTMLElement {
  const cell = element('td', 'change');
  const written = `${row.from ?? 'new'} → ${row.to}`;
  if (!row.comparable) {
    cell.textContent = written;
    return cell;
  }
  const link = element('a', 'compare', written);
  link.href = '#';
  link.title = `Compare ${row.from ?? ''} with ${row.to}`;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'compare', index: row.index });
  });
  cell.append(link);
  return cell;
}

function table(state: AuditLogState): HTMLElement {
  if (state.rows.length === 0) return element('p', 'empty', 'No label has moved yet.');
  const grid = element('table', 'events');
  const head = element('tr');
  for (const title of ['When', 'Who', 'Action', ...(state.showPrompt ? ['Prompt'] : []), 'Label', 'From → to', 'Note']) head.append(element('th', undefined, title));
  grid.append(element('thead'));
  grid.tHead?.append(head);
  const body = element('tbody');
  for (const row of state.rows) {
    const line = element('tr', `action-${row.action.split(' ')[0] ?? ''}`);
    const when = element('td', 'when', row.ago);
    when.title = row.at;
    const who = element('td', 'who', row.who);
    who.title = row.whoInFull;
    const note = element('td', 'note', row.note);
    if (row.allowedError !== undefined) note.append(element('div', 'allowed', `Released with errors allowed: ${row.allowedError}`));
    line.append(when, who, element('td', 'action', row.action), ...(state.showPrompt ? [element('td', 'prompt', row.prompt)] : []), element('td', 'label', row.label), change(row), note);
    body.append(line);
  }
  grid.append(body);
  return grid;
}

function show(state: AuditLogState): void {
  root.replaceChildren(element('h1', undefined, state.title), element('p', 'summary', state.summary), table(state));
  vscode.setState(state);
  const rows = [...root.querySelectorAll('tbody tr')].map((line) => [...line.querySelectorAll('td')].map((cell) => cell.textContent ?? ''));
  const elements = [...root.querySelectorAll('*')].map((node) => node.tagName.toLowerCase());
  vscode.postMessage({ type: 'rendered', html: root.innerHTML, text: root.innerText, elements, rows });
}

window.addEventListener('message', (event: MessageEvent<ToAuditLog>) => {
  if (event.data.type === 'state') show(event.data.state);
});

const saved = vscode.getState();
if (saved) show(saved);
vscode.postMessage({ type: 'ready' });
