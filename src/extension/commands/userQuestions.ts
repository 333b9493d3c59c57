import * as vscode from 'vscode';
import { failureSentence, isProgrammingError } from '../../core/document/errorDescription';
import type { PromptOpsLog } from '../promptOpsLog';

const showLog = 'Show log';

/** A quick pick row as it was shown. */
export interface ShownItem {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
}

/** Something a PromptOps command put in front of the user: a question (quick pick, input box, confirmation) or a message. */
export type ShownToUser =
  | { readonly kind: 'pick'; readonly placeHolder: string; readonly items: readonly ShownItem[] }
  | { readonly kind: 'input'; readonly prompt: string; readonly placeHolder: string | undefined; readonly value: string | undefined }
  | { readonly kind: 'confirm'; readonly message: string; readonly detail: string; readonly button: string }
  | { readonly kind: 'message'; readonly severity: 'information' | 'warning' | 'error'; readonly text: string; readonly buttons: readonly string[] };

/**
 * How commands ask the user and tell them what happened: VS Code's own quick picks, input boxes,
 * modal confirmations and notifications, each announced on `onDidShow` first, so tests (and the
 * screenshot scenes) can see what was asked, then answer it in the workbench as a user would.
 */
export class UserQuestions implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<ShownToUser>();
  /** Fires just before a question or message appears. */
  readonly onDidShow = this.shown.event;

  constructor(private readonly log: PromptOpsLog) {}

  /** A quick pick of `items`; undefined when dismissed. */
  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { readonly placeHolder: string }): Promise<T | undefined> {
    this.shown.fire({
      kind: 'pick',
      placeHolder: options.placeHolder,
      items: items.map((item) => ({ label: item.label, ...(item.description === undefined ? {} : { description: item.description }), ...(item.detail === undefined ? {} : { detail: item.detail }) })),
    });
    return vscode.window.showQuickPick([...items], options);
  }

  /** An input box; undefined when dismissed (Escape). */
  async input(options: vscode.InputBoxOptions & { readonly prompt: string }): Promise<string | undefined> {
    this.shown.fire({ kind: 'input', prompt: options.prompt, placeHolder: options.placeHolder, value: options.value });
    return vscode.window.showInputBox(options);
  }

  /** A modal confirmation with one action button; true only when that button is chosen. */
  async confirm(message: string, detail: string, button: string): Promise<boolean> {
    this.shown.fire({ kind: 'confirm', message, detail, button });
    try {
      return (await vscode.window.showWarningMessage(message, { modal: true, detail }, button)) === button;
    } catch {
      return false; // The workbench refused to show the dialog (as it does while extension tests run): nothing was confirmed.
    }
  }

  /** A notification; resolves with the button chosen, if any. */
  async tell(severity: 'information' | 'warning' | 'error', text: string, ...buttons: string[]): Promise<string | undefined> {
    this.shown.fire({ kind: 'message', severity, text, buttons });
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(text, ...buttons);
  }

  /**
   * Reports a failed action: the log gets the error with its cause, the user one sentence with
   * "Show log". A programming error is logged and thrown on, so VS Code reports it as the defect it
   * is instead of PromptOps passing it off as something the user did.
   */
  fail(action: string, error: unknown): void {
    this.log.error(`PromptOps could not ${action}.`, error);
    if (isProgrammingError(error)) throw error;
    void this.tell('error', `PromptOps could not ${action}: ${failureSentence(error)}`, showLog).then((chosen) => {
      if (chosen === showLog) this.log.show();
    });
  }

  dispose(): void {
    this.shown.dispose();
  }
}
