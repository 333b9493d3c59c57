// The one file step of both parse floors (parseFloor.ts in one thread, twoThreadParseFloor.ts over
// two): read a prompt or sample file once and parse it with the libraries the checks build on —
// the front matter and sample files with yaml, the template with Handlebars — and nothing else.
import * as fs from 'node:fs';
import Handlebars from 'handlebars';
import YAML from 'yaml';
import { splitFrontMatter } from '../src/core/formats/dotprompt/frontMatterSplit';

/** Reads and parses `file`; false when it is neither a prompt nor a sample file (nothing read). */
export function parseFloorFile(file: string): boolean {
  if (file.endsWith('.prompt')) {
    const text = fs.readFileSync(file, 'utf8');
    const split = splitFrontMatter(text);
    if (split.yaml) YAML.parseDocument(text.slice(split.yaml.start, split.yaml.end));
    Handlebars.parse(text.slice(split.bodyStart));
    return true;
  }
  if (/\.samples\.(yaml|yml|json)$/.test(file)) {
    YAML.parseDocument(fs.readFileSync(file, 'utf8'));
    return true;
  }
  return false;
}
