/** The command lines of the first ```sh block under `heading` in a Markdown text, without their `#` comments. */
export function shellBlockUnder(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`The README has no heading "${heading}".`);
  const block = /\n```sh\n([\s\S]*?)\n```/.exec(markdown.slice(start));
  if (!block?.[1]) throw new Error(`The README has no sh block under "${heading}".`);
  return block[1]
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Splits a command line into arguments as a POSIX shell does for plain words and "double quoted" ones. */
export function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** The npm scripts a Markdown text tells the reader to run: `npm run NAME`, `npm start` and `npm test`. */
export function npmScriptsNamed(markdown: string): string[] {
  const names = [...markdown.matchAll(/\bnpm (?:run(?:-script)? ([\w:.-]+)|(start|test)\b)/g)].map((match) => match[1] ?? match[2] ?? '');
  return [...new Set(names)];
}
