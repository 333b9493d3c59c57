// The floor `promptops check` over Prompty files is measured against (bundled and run as its own
// process by promptyBench.ts): read every .prompty file once, parse its front matter with yaml and
// its body with nunjucks' own parser, in one thread, and do nothing else.
import * as fs from 'node:fs';
import * as nunjucks from 'nunjucks';
import YAML from 'yaml';
import { walkFiles } from './folderWalk';

const parser: unknown = Reflect.get(nunjucks, 'parser');
const parse: unknown = typeof parser === 'object' && parser !== null ? Reflect.get(parser, 'parse') : undefined;
let files = 0;

function parseFile(file: string, name: string): void {
  if (!name.endsWith('.prompty')) return;
  const text = fs.readFileSync(file, 'utf8');
  const close = text.indexOf('\n---', 3);
  YAML.parseDocument(text.slice(4, close));
  if (typeof parse === 'function') Reflect.apply(parse, parser, [text.slice(text.indexOf('\n', close + 1) + 1)]);
  files++;
}

for (const folder of process.argv.slice(2)) walkFiles(folder, parseFile);
process.stdout.write(`${files} files parsed\n`);
