// The floor `promptops check` is measured against (bundled and run as its own process by
// checkBench.ts): walk the same folder, read every prompt and sample file once and parse it with
// the libraries the checks build on — the front matter and sample files with yaml, the template
// with Handlebars — in one thread, and do nothing else.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import YAML from 'yaml';
import { splitFrontMatter } from '../src/core/formats/dotprompt/frontMatterSplit';

let files = 0;

function visit(folder: string): void {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      visit(file);
    } else if (entry.name.endsWith('.prompt')) {
      const text = fs.readFileSync(file, 'utf8');
      const split = splitFrontMatter(text);
      if (split.yaml) YAML.parseDocument(text.slice(split.yaml.start, split.yaml.end));
      Handlebars.parse(text.slice(split.bodyStart));
      files++;
    } else if (/\.samples\.(yaml|yml|json)$/.test(entry.name)) {
      YAML.parseDocument(fs.readFileSync(file, 'utf8'));
      files++;
    }
  }
}

for (const folder of process.argv.slice(2)) visit(folder);
process.stdout.write(`${files} files parsed\n`);
