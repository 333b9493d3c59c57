import * as vscode from 'vscode';
import type { PromptOpsCommand } from './promptOpsCommand';

/** Registers a table of commands, each disposed with the extension. */
export function registerCommands(context: vscode.ExtensionContext, commands: readonly PromptOpsCommand[]): void {
  context.subscriptions.push(...commands.map((command) => vscode.commands.registerCommand(command.id, command.run)));
}
