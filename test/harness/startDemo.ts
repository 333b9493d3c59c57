import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerVersion, ensureCodeServer, repositoryRoot } from './codeServerInstall';
import { freePort, portIsFree, startCodeServer, type RunningCodeServer } from './codeServerProcess';
import { createDemoRepository } from './demoWorkspace';
import { demoRegistryEnv, startDemoRegistry } from './demoRegistry';
import { workbenchUrl } from './workbench';

/** Starts VS Code on a fresh demo repository with the extension loaded; used by `npm start` and the screenshots. */
export async function startDemo(port?: number): Promise<{ server: RunningCodeServer; url: string; workspace: string; registryUrl: string; cleanup: () => Promise<void> }> {
  const install = ensureCodeServer();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-demo-'));
  const workspace = path.join(scratch, 'demo');
  createDemoRepository(workspace);
  // A Langfuse stand-in with the demo's prompts, so the Registry view works without an account.
  const registry = await startDemoRegistry(workspace);
  const server = await startCodeServer({
    install,
    workspace,
    stateDir: path.join(scratch, 'state'),
    env: demoRegistryEnv(registry.url),
    ...(port === undefined ? {} : { port }),
  });
  const url = workbenchUrl({ origin: server.origin, workspace, extensionDevelopmentPath: repositoryRoot });
  const cleanup = async (): Promise<void> => {
    await server.stop();
    await registry.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  return { server, url, workspace, registryUrl: registry.url, cleanup };
}

/** PROMPTOPS_PORT when set, else 8080 when it is free (a stable URL to bookmark), else any free port. */
async function preferredPort(): Promise<number> {
  const asked = Number(process.env['PROMPTOPS_PORT']);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return (await portIsFree(8080)) ? 8080 : freePort();
}

async function main(): Promise<void> {
  const demo = await startDemo(await preferredPort());
  console.log(`\nPromptOps demo: VS Code 1.100.3 (code-server ${codeServerVersion}) with the extension loaded from ${repositoryRoot}`);
  console.log(`Demo repository: ${demo.workspace}`);
  console.log(`Langfuse contract server (the Registry view's demo registry): ${demo.registryUrl}\n`);
  console.log(`Open this URL in a browser (Ctrl+C stops the server):\n\n  ${demo.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    demo.cleanup().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
}
