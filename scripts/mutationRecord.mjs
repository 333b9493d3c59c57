// A Stryker reporter that appends each tested mutant to a JSON-lines file the moment its result is
// known. Stryker writes its own reports only when a run ends, so a run stopped for a deadline on this
// small machine would otherwise leave nothing; `npm run mutation:tally -- FILE` scores what was recorded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

export const recordFileVariable = 'PROMPTOPS_MUTATION_RECORD';

class MutantRecorder {
  constructor() {
    this.file = process.env[recordFileVariable];
    if (this.file) fs.mkdirSync(path.dirname(this.file), { recursive: true });
  }

  onMutantTested(result) {
    if (!this.file || result.status === 'Pending') return;
    const { fileName, mutatorName, replacement, status, location } = result;
    // `location` as in Stryker's mutation.json: lines and columns counted from 1.
    const record = { fileName: path.relative(process.cwd(), fileName).split(path.sep).join('/'), mutatorName, replacement: replacement ?? '', status, location };
    fs.appendFileSync(this.file, `${JSON.stringify(record)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'mutant-record', MutantRecorder)];
