// A contract server in a process of its own, for benchmarks: the client under test gets the event loop to itself.
// Usage: node contractServerProcess.js PROMPTS VERSIONS   → prints the base URL on one line once seeded.
import { LangfuseContractServer } from './langfuseContractServer';

async function main(): Promise<void> {
  const prompts = Number(process.argv[2] ?? 500);
  const versions = Number(process.argv[3] ?? 20);
  // The benchmark measures the client, so the server does not validate against the OpenAPI document here.
  const server = new LangfuseContractServer({ openApi: undefined });
  for (let index = 0; index < prompts; index++) {
    const name = `team-${index % 10}/prompt-${String(index).padStart(4, '0')}`;
    server.seed(name, Array.from({ length: versions }, (_, version) => ({ prompt: `Version ${version + 1} of ${name} for {{name}}`, config: { model: 'gpt-4o' }, labels: version === versions - 2 ? ['production'] : [] })));
  }
  console.log(await server.start());
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

void main();
