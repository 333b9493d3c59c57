// The floor `promptops check` is measured against (bundled and run as its own process by
// checkBench.ts): walk the same folder, read every prompt and sample file once and parse it with
// the libraries the checks build on — the front matter and sample files with yaml, the template
// with Handlebars — in one thread, and do nothing else.
import * as fs from 'node:fs';
import Handlebars from 'handlebars';
import YAML from 'yaml';
import { walkFiles } from './folderWalk';
import { splitFrontMatter } from '../src/core/formats/dotprompt/frontMatterSplit';

let files = 0;

function parseFile(file: string, name: string): void {
  if (name.endsWith('.prompt')) {
    const text = fs.readFileSync(file, 'utf8');
    const split = splitFrontMatter(text);
    if (split.yaml) YAML.parseDocument(text.slice(split.yaml.start, split.yaml.end));
    Handlebars.parse(text.slice(split.bodyStart));
    files++;
  } else if (/\.samples\.(yaml|yml|json)$/.test(name)) {
    YAML.parseDocument(fs.readFileSync(file, 'utf8'));
    files++;
  }
}

for (const folder of process.argv.slice(2)) walkFiles(folder, parseFile);
process.stdout.write(`${files} files parsed\n`);
