import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from './prerequisites';

/** Flags that keep Chromium from reaching for the network, which this machine refuses. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface WorkbenchOptions {
  readonly origin: string;
  readonly workspace: string;
  /** Folder holding the extension's package.json, loaded in development mode. */
  readonly extensionDevelopmentPath: string;
  /** Compiled test entry point exporting run(); only for test runs. */
  readonly extensionTestsPath?: string;
}

function remoteUri(origin: string, file: string): string {
  return `vscode-remote://${new URL(origin).host}${file}`;
}

/** The workbench URL: the `payload` query parameter carries what desktop VS Code takes as flags. */
export function workbenchUrl(options: WorkbenchOptions): string {
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', remoteUri(options.origin, options.extensionDevelopmentPath)],
    ['skipWelcome', 'true'],
  ];
  if (options.extensionTestsPath) {
    payload.push(['extensionTestsPath', remoteUri(options.origin, options.extensionTestsPath)]);
  }
  const query = new URLSearchParams({ folder: options.workspace, payload: JSON.stringify(payload) });
  return `${options.origin}/?${query.toString()}`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
}

export interface AutomationHooks {
  readonly onLog: (level: string, message: string) => void;
  readonly onExit: (code: number) => void;
}

/** Opens a page that receives the workbench's automation callbacks (test output and exit code). */
export async function openAutomatedPage(browser: Browser, hooks: AutomationHooks): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
    const parts = Array.isArray(args) ? args : [args];
    hooks.onLog(String(level), parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '));
  });
  await page.exposeFunction('codeAutomationExit', (code: unknown) => {
    hooks.onExit(typeof code === 'number' ? code : 1);
  });
  return page;
}
