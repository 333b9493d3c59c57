import { escapeControlCharacters, escapeControlCharactersInLines } from '../core/document/controlCharacters';
import { FileSystemRefusal } from '../node/fileSystemRefusal';
import { CliError, ExitCode, type CliIo } from './cliIo';
import { helpOverview, verbHelp } from './helpText';
import { loadAllVerbs, verbLoaders } from './verbTable';
import { version } from './version';

function unknownCommand(name: string, io: CliIo): ExitCode {
  io.err(`promptops: unknown command "${name}"; run "promptops help" for the list.\n`);
  return ExitCode.usage;
}

/** `--help` or `-h` among a verb's arguments (before a `--` that ends the options). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** Runs the CLI for `argv` (without node and script) and returns the exit code; never throws for user errors. */
export async function runCli(argv: readonly string[], cliIo: CliIo): Promise<ExitCode> {
  // Whatever goes to stderr is a message, never data: one quoting a file name, a sample set or a
  // registry's reply cannot move the cursor or recolour the terminal, however a verb built it.
  const io: CliIo = { ...cliIo, err: (text) => cliIo.err(escapeControlCharactersInLines(text)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const [topic] = rest;
    if (name === 'help' && topic !== undefined) {
      const load = verbLoaders.get(topic);
      if (!load) return unknownCommand(topic, io);
      io.out(verbHelp(await load()));
      return ExitCode.ok;
    }
    io.out(helpOverview(await loadAllVerbs(), version));
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return ExitCode.ok;
  }
  const load = verbLoaders.get(name);
  if (!load) return unknownCommand(name, io);
  const verb = await load();
  if (asksForHelp(rest)) {
    io.out(verbHelp(verb));
    return ExitCode.ok;
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
