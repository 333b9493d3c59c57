import type { Range, TextDocument } from '../document/textDocument';

/** Replaces `range` with `newText`; an empty range inserts. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** The edits of one file, by the path its model carries (the prompt's or the sample file's). */
export interface FileEdits {
  readonly path: string;
  readonly edits: readonly TextEdit[];
}

/** Groups edits by file, keeping the order files first appear in. */
export function groupEdits(edits: readonly { readonly path: string; readonly edit: TextEdit }[]): FileEdits[] {
  const byPath = new Map<string, TextEdit[]>();
  for (const { path, edit } of edits) byPath.set(path, [...(byPath.get(path) ?? []), edit]);
  return [...byPath].map(([path, fileEdits]) => ({ path, edits: fileEdits }));
}

/** Applies non-overlapping edits to a document's text, as an editor would; used to check an edit before offering it. */
export function applyTextEdits(document: TextDocument, edits: readonly TextEdit[]): string {
  const located = edits
    .map((edit, order) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), text: edit.newText, order }))
    .sort((a, b) => b.start - a.start || b.order - a.order);
  let text = document.text;
  for (const edit of located) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

/** The line break a document mostly uses, so inserted lines match it. */
export function lineBreakOf(document: TextDocument): string {
  return document.text.includes('\r\n') ? '\r\n' : '\n';
}
