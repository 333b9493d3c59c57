import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cliIo';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with strict checking, turning its errors into one-sentence usage errors (`usage` starts with the verb). */
export function parseVerbArgs<O extends Options>(args: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\.?$/, '') : String(error);
    throw new CliError(`${message}. Usage: promptops ${usage}`);
  }
}

/** Reads an option that must be one of `choices`. */
export function choiceOption<C extends string>(value: string | undefined, name: string, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as C;
  throw new CliError(`--${name} must be one of ${choices.join(', ')}, not "${value}".`);
}
