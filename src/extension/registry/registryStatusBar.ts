import * as vscode from 'vscode';
import type { ConnectionState, RegistryConnection } from './registryConnection';

/** The status bar item of the registry connection: connected, signed out, failing, or off in an untrusted workspace. */
export class RegistryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('promptops.registry', vscode.StatusBarAlignment.Left, 49);
  private readonly subscription: vscode.Disposable;

  constructor(connection: RegistryConnection) {
    this.item.name = 'PromptOps Registry';
    this.subscription = connection.onDidChange((state) => this.show(state));
    this.show(connection.state);
  }

  /** What the item shows now (tests read it). */
  get text(): string {
    return this.item.text;
  }

  private show(state: ConnectionState): void {
    switch (state.kind) {
      case 'untrusted':
        this.item.text = '$(shield) Langfuse off';
        this.item.tooltip = 'Registry access is off in untrusted workspaces: PromptOps would send prompts and API keys over the network.';
        this.item.command = undefined;
        break;
      case 'signedOut':
        this.item.text = '$(cloud) Langfuse: sign in';
        this.item.tooltip = state.reason;
        this.item.command = { command: 'promptops.registry.signIn', title: 'Sign In to Registry' };
        break;
      case 'checking':
        this.item.text = '$(sync~spin) Langfuse';
        this.item.tooltip = `Connecting to ${state.host}…`;
        this.item.command = undefined;
        break;
      case 'connected':
        this.item.text = '$(cloud) Langfuse';
        this.item.tooltip = `Connected to ${state.host} (${state.promptCount} prompt${state.promptCount === 1 ? '' : 's'}).`;
        this.item.command = { command: 'promptops.registry.focus', title: 'Show Registry' };
        break;
      case 'failed':
        this.item.text = '$(cloud-offline) Langfuse';
        this.item.tooltip = state.message;
        this.item.command = { command: 'promptops.registry.refresh', title: 'Retry' };
        break;
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
