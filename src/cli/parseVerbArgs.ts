import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cliIo';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with strict checking, turning its errors into one-sentence usage errors
 * (`usage` starts with the verb). A negative number after an option that takes a value
 * (`--weight -5`) is that option's value, so the verb can say what range it allows instead of
 * parseArgs calling the value ambiguous.
 */
export function parseVerbArgs<O extends Options>(args: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]?.replace(/\.?$/, '') ?? '' : String(error);
    throw new CliError(`${message}. Usage: promptops ${usage}`);
  }
}

function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** Reads an option that must be one of `choices`. */
export function choiceOption<C extends string>(value: string | undefined, name: string, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as C;
  throw new CliError(`--${name} must be one of ${choices.join(', ')}, not "${value}".`);
}
