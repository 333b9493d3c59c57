import { RegistryError } from '../../../core/registry/registryError';

/** Where Langfuse is and the key pair to reach it with (DESIGN §3). The secret key is never printed. */
export interface LangfuseConnection {
  /** The base URL, e.g. `https://langfuse.example.com`, without a trailing slash. */
  readonly host: string;
  readonly publicKey: string;
  readonly secretKey: string;
}

/** How the CLI names the settings, for messages that say which one to fix. */
export const cliCredentialsHint = 'check LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY';

/** Reads a host setting: an http(s) URL without credentials; returns it without a trailing slash. */
export function normalizedHost(text: string, settingName: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new RegistryError('configuration', `${settingName} is not a URL; set it to your Langfuse server's address, such as http://localhost:3000.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RegistryError('configuration', `${settingName} must be an http or https URL.`);
  if (url.username !== '' || url.password !== '') throw new RegistryError('configuration', `${settingName} must not contain credentials; set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY instead.`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The connection the CLI's environment configures: `LANGFUSE_BASE_URL` (the current SDKs' name) or
 * `LANGFUSE_HOST`, `LANGFUSE_PUBLIC_KEY` and `LANGFUSE_SECRET_KEY`; a missing one is named.
 */
export function langfuseConnectionFromEnv(env: Readonly<Record<string, string | undefined>>): LangfuseConnection {
  const setting = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const baseUrl = setting('LANGFUSE_BASE_URL');
  const hostSetting = baseUrl === undefined ? 'LANGFUSE_HOST' : 'LANGFUSE_BASE_URL';
  const host = baseUrl ?? setting('LANGFUSE_HOST');
  if (host === undefined) throw new RegistryError('configuration', "Set LANGFUSE_HOST (or LANGFUSE_BASE_URL) to your Langfuse server's address to use --source langfuse.");
  const publicKey = setting('LANGFUSE_PUBLIC_KEY');
  if (publicKey === undefined) throw new RegistryError('configuration', 'Set LANGFUSE_PUBLIC_KEY (the project\'s public key, pk-lf-…) to use --source langfuse.');
  const secretKey = setting('LANGFUSE_SECRET_KEY');
  if (secretKey === undefined) throw new RegistryError('configuration', 'Set LANGFUSE_SECRET_KEY (the project\'s secret key) to use --source langfuse.');
  return { host: normalizedHost(host, hostSetting), publicKey, secretKey };
}

/** A public key shortened for messages: enough to tell keys apart, nothing more. */
export function shortKey(publicKey: string): string {
  return publicKey.length <= 12 ? publicKey : `${publicKey.slice(0, 12)}…`;
}
