import { verbGroups, type Verb } from './verb';

/** The verb and its positional arguments: the usage up to its first option or alternative. */
function synopsis(usage: string): string {
  const words = usage.split(' ');
  const firstOption = words.findIndex((word) => word.startsWith('[-') || word.startsWith('-') || word === '|');
  return words.slice(0, firstOption < 0 ? words.length : firstOption).join(' ');
}

/** Two aligned columns: every command line starts with `promptops`, every summary at the same column. */
function commandLines(rows: readonly (readonly [string, string])[], width: number): string[] {
  return rows.map(([command, summary]) => `  ${command.padEnd(width)}  ${summary}`);
}

/** `promptops help`: the verbs by group, each with its synopsis and summary, in aligned columns. */
export function helpOverview(verbs: readonly Verb[], version: string): string {
  const builtIns: [string, string][] = [
    ['promptops help [COMMAND]', "Show this help, or a command's options and an example."],
    ['promptops --version', 'Print the version.'],
  ];
  const sections: { title: string; rows: [string, string][] }[] = verbGroups
    .map((group) => ({ title: group.title, rows: verbs.filter((verb) => verb.group === group.id).map((verb): [string, string] => [`promptops ${synopsis(verb.usage)}`, verb.summary]) }))
    .filter((section) => section.rows.length > 0);
  sections.push({ title: 'Help', rows: builtIns });
  const width = Math.max(...sections.flatMap((section) => section.rows.map(([command]) => command.length)));
  const lines = [`promptops ${version}: check, render, version and release prompt files.`, 'Usage: promptops <command> [options]'];
  for (const section of sections) lines.push('', `${section.title}:`, ...commandLines(section.rows, width));
  lines.push('', 'Exit codes: 0 ok, 1 findings or refused, 2 usage or environment error.');
  return `${lines.join('\n')}\n`;
}

/** `promptops help VERB`: the full usage (one line per alternative form), what the verb does, and an example. */
export function verbHelp(verb: Verb): string {
  const lines = [...verb.usage.split(' | ').map((form) => `promptops ${form}`), '', verb.summary];
  if (verb.details !== undefined) lines.push(verb.details);
  lines.push('', 'Example:', `  ${verb.example}`);
  return `${lines.join('\n')}\n`;
}
