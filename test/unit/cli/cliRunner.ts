import { runCli } from '../../../src/cli/runCli';
import type { CliIo } from '../../../src/cli/cliIo';

export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process in `cwd`, capturing what it prints, as a user's shell would see it. */
export async function runPromptops(argv: readonly string[], cwd: string = process.cwd(), env: Record<string, string> = {}): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env, out: (text) => (stdout += text), err: (text) => (stderr += text) };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
