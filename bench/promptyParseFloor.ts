// The floor `promptops check` over Prompty files is measured against (bundled and run as its own
// process by promptyBench.ts): read every .prompty file once, parse its front matter with yaml and
// its body with nunjucks' own parser, in one thread, and do nothing else.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as nunjucks from 'nunjucks';
import YAML from 'yaml';

const parser: unknown = Reflect.get(nunjucks, 'parser');
const parse: unknown = typeof parser === 'object' && parser !== null ? Reflect.get(parser, 'parse') : undefined;
let files = 0;

function visit(folder: string): void {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      visit(file);
    } else if (entry.name.endsWith('.prompty')) {
      const text = fs.readFileSync(file, 'utf8');
      const close = text.indexOf('\n---', 3);
      YAML.parseDocument(text.slice(4, close));
      if (typeof parse === 'function') Reflect.apply(parse, parser, [text.slice(text.indexOf('\n', close + 1) + 1)]);
      files++;
    }
  }
}

for (const folder of process.argv.slice(2)) visit(folder);
process.stdout.write(`${files} files parsed\n`);
