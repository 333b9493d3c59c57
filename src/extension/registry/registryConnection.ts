import * as vscode from 'vscode';
import { onDidChangeSettings, registryHostSetting } from '../settings';
import type { PromptRegistry } from '../../core/registry/promptRegistry';
import { RegistryError } from '../../core/registry/registryError';
import { normalizedHost, type LangfuseConnection } from '../../node/registries/langfuse/langfuseConnection';
import { LangfuseRegistry } from '../../node/registries/langfuse/langfuseRegistry';
import type { PromptOpsLog } from '../promptOpsLog';

/** What the Registry view and the status bar show about the connection. */
export type ConnectionState =
  | { readonly kind: 'untrusted' }
  | { readonly kind: 'signedOut'; readonly reason: string }
  | { readonly kind: 'checking'; readonly host: string }
  | { readonly kind: 'connected'; readonly host: string; readonly promptCount: number }
  | { readonly kind: 'failed'; readonly host: string; readonly message: string };

/** What 401 answers tell editor users to do. */
export const editorCredentialsHint = 'run "PromptOps: Sign In to Registry" again';

const secretKeyPrefix = 'promptops.registry.langfuse:';

/** The host setting: `promptops.registry.host`. */
export function hostSetting(): string {
  return registryHostSetting();
}

interface StoredKeys {
  readonly publicKey: string;
  readonly secretKey: string;
}

function storedKeysOf(text: string | undefined): StoredKeys | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<StoredKeys>;
    return typeof value.publicKey === 'string' && typeof value.secretKey === 'string' ? { publicKey: value.publicKey, secretKey: value.secretKey } : undefined;
  } catch {
    // Stored text that does not parse counts as no keys (the user is asked again); never logged, as it may hold them.
    return undefined;
  }
}

/**
 * The editor's connection to Langfuse (DESIGN §3): the host from settings, the key pair from
 * SecretStorage (per host), else from the extension host's LANGFUSE_* environment (as the CLI
 * reads it). Never logs keys; only ever shows the public key shortened.
 */
export class RegistryConnection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  private current: ConnectionState;
  private client: PromptRegistry | undefined;
  private loading: Promise<PromptRegistry | undefined> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `log` keeps why a connection test failed; registry errors name the host and public key prefix, never the secret key. */
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: PromptOpsLog,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {
    this.current = vscode.workspace.isTrusted ? { kind: 'signedOut', reason: 'Not signed in to a registry.' } : { kind: 'untrusted' };
    this.subscriptions.push(
      this.changed,
      onDidChangeSettings(['registry.host'], () => this.reset()),
      secrets.onDidChange((event) => event.key.startsWith(secretKeyPrefix) && this.reset()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reset()),
    );
  }

  get state(): ConnectionState {
    return this.current;
  }

  private setState(state: ConnectionState): void {
    this.current = state;
    this.changed.fire(state);
  }

  /** Forgets the client and reads settings and secrets again, testing the connection they make. */
  reset(): void {
    this.client = undefined;
    this.loading = undefined;
    void this.test();
  }

  /** The registry to talk to, or undefined (with the state saying why) when there is none. */
  registry(): Promise<PromptRegistry | undefined> {
    if (!vscode.workspace.isTrusted) {
      this.setState({ kind: 'untrusted' });
      return Promise.resolve(undefined);
    }
    if (this.client) return Promise.resolve(this.client);
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<PromptRegistry | undefined> {
    const connection = await this.configuredConnection();
    if (!connection) return undefined;
    this.client = new LangfuseRegistry(connection, { credentialsHint: editorCredentialsHint });
    return this.client;
  }

  private async configuredConnection(): Promise<LangfuseConnection | undefined> {
    const hostText = hostSetting() || this.env['LANGFUSE_BASE_URL'] || this.env['LANGFUSE_HOST'] || '';
    if (hostText === '') {
      this.setState({ kind: 'signedOut', reason: 'No Langfuse host is set (setting promptops.registry.host).' });
      return undefined;
    }
    let host: string;
    try {
      host = normalizedHost(hostText, 'The setting promptops.registry.host');
    } catch (error) {
      this.setState({ kind: 'signedOut', reason: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
    const keys = storedKeysOf(await this.secrets.get(`${secretKeyPrefix}${host}`)) ?? this.environmentKeys();
    if (!keys) {
      this.setState({ kind: 'signedOut', reason: `No API keys for ${host}; sign in to store them in the editor's secret storage.` });
      return undefined;
    }
    return { host, ...keys };
  }

  private environmentKeys(): StoredKeys | undefined {
    const publicKey = this.env['LANGFUSE_PUBLIC_KEY']?.trim();
    const secretKey = this.env['LANGFUSE_SECRET_KEY']?.trim();
    return publicKey && secretKey ? { publicKey, secretKey } : undefined;
  }

  /** Asks the registry for one prompt to see whether the connection works; the state says how it went. */
  async test(): Promise<ConnectionState> {
    const registry = await this.registry();
    if (!registry) return this.current;
    this.setState({ kind: 'checking', host: registry.location });
    try {
      const page = await registry.listPrompts(1, 1);
      this.setState({ kind: 'connected', host: registry.location, promptCount: page.totalItems });
    } catch (error) {
      this.setState({ kind: 'failed', host: registry.location, message: error instanceof Error ? error.message : String(error) });
      this.log.warning(`PromptOps could not reach Langfuse at ${registry.location}.`, error);
    }
    return this.current;
  }

  /**
   * Tests a host and key pair and, when they work, stores the keys in SecretStorage and the host in
   * the user settings. A failing pair is not stored; its failure comes back as a RegistryError.
   */
  async signIn(hostText: string, publicKey: string, secretKey: string): Promise<ConnectionState> {
    const host = normalizedHost(hostText, 'The host');
    if (publicKey.trim() === '' || secretKey.trim() === '') throw new RegistryError('configuration', 'Both the public key and the secret key are needed.');
    const candidate = new LangfuseRegistry({ host, publicKey: publicKey.trim(), secretKey: secretKey.trim() }, { credentialsHint: 'check the public and secret key' });
    const page = await candidate.listPrompts(1, 1);
    await this.secrets.store(`${secretKeyPrefix}${host}`, JSON.stringify({ publicKey: publicKey.trim(), secretKey: secretKey.trim() }));
    if (hostSetting() !== host) await vscode.workspace.getConfiguration('promptops').update('registry.host', host, vscode.ConfigurationTarget.Global);
    this.client = candidate;
    this.loading = Promise.resolve(candidate);
    this.setState({ kind: 'connected', host, promptCount: page.totalItems });
    return this.current;
  }

  /** Removes the stored keys of the current host. */
  async signOut(): Promise<void> {
    const host = this.client?.location ?? hostSetting();
    if (host) await this.secrets.delete(`${secretKeyPrefix}${host}`);
    this.reset();
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }
}
