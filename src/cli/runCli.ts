import { escapeControlCharacters } from '../core/controlCharacters';
import { FileSystemRefusal } from '../node/fileSystemRefusal';
import { CliError, ExitCode, type CliIo } from './cliIo';
import { verbs } from './verbTable';
import { version } from './version';

function helpText(): string {
  const lines = [
    `promptops ${version}: check, render, version and release prompt files.`,
    '',
    'Usage: promptops <command> [options]',
    '',
    'Commands:',
    ...[...verbs.values()].map((verb) => `  ${verb.usage.padEnd(48)} ${verb.summary}`),
    `  ${'help'.padEnd(48)} Show this help.`,
    `  ${'--version'.padEnd(48)} Print the version.`,
    '',
    'Exit codes: 0 ok, 1 findings or refused, 2 usage or environment error.',
  ];
  return `${lines.join('\n')}\n`;
}

/** Runs the CLI for `argv` (without node and script) and returns the exit code; never throws for user errors. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return ExitCode.ok;
  }
  const verb = verbs.get(name);
  if (!verb) {
    io.err(`promptops: unknown command "${name}"; run "promptops help" for the list.\n`);
    return ExitCode.usage;
  }
  try {
    return await verb.run(rest, io);
  } catch (error) {
    if (error instanceof CliError || error instanceof FileSystemRefusal) {
      // Messages quote paths and versions as given: escaped line by line, so they cannot forge output.
      const lines = [...(error instanceof CliError ? error.details : []), error.message].map(escapeControlCharacters);
      io.err(`promptops ${name}: ${lines.join('\n')}\n`);
      return error instanceof CliError ? error.exitCode : ExitCode.usage;
    }
    throw error;
  }
}
