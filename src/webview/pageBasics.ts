// What every webview page starts from: its one handle on the editor, its root element, and the
// one way pages build elements (textContent, never innerHTML, so text from files stays text).

/** The messaging and state handle VS Code gives a webview page, typed by what the page sends and keeps. */
export interface VsCodeApi<Message, State> {
  postMessage(message: Message): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<Message, State>(): VsCodeApi<Message, State>;

/** The page's handle on the editor; VS Code allows one call per page, so each page calls this once. */
export function vsCodeApi<Message, State>(): VsCodeApi<Message, State> {
  return acquireVsCodeApi<Message, State>();
}

/** The element the page renders into (the host's HTML always has it). */
export function pageRoot(): HTMLElement {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  return root;
}

/** A new element with an optional class and text, the text set as text. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
