import * as vscode from 'vscode';
import { errorDescription } from '../core/document/errorDescription';

/**
 * The "PromptOps" log output channel: every failure PromptOps catches is written here with its
 * cause (git's stderr, the error it wrapped), so a notification can stay one sentence and a view
 * can degrade quietly without the reason being lost.
 */
export class PromptOpsLog implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('PromptOps', { log: true });
  private readonly written = new vscode.EventEmitter<{ readonly level: 'error' | 'warning'; readonly text: string }>();
  /** Fires with each entry as it is written (the channel itself cannot be read back). */
  readonly onDidWrite = this.written.event;

  /** Logs a failure the user is told about, with everything that explains it. */
  error(what: string, error: unknown): void {
    this.write('error', `${what}\n${errorDescription(error)}`);
  }

  /** Logs a failure PromptOps works around (a view shows less, a badge is missing), with its cause. */
  warning(what: string, error: unknown): void {
    this.write('warning', `${what}\n${errorDescription(error)}`);
  }

  /** Brings the log into view ("Show log"). */
  show(): void {
    this.channel.show(true);
  }

  private write(level: 'error' | 'warning', text: string): void {
    if (level === 'error') this.channel.error(text);
    else this.channel.warn(text);
    this.written.fire({ level, text });
  }

  dispose(): void {
    this.channel.dispose();
    this.written.dispose();
  }
}
