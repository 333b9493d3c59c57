// The Stryker ignorer `npm run mutation:sample` uses: inside a sampled mutant's range Stryker would also
// generate and test every nested mutant, about five for each sampled one, and the estimate counts none
// of them. This ignores every node that neither is a sampled mutant's place nor contains one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';
import sampling from '../out/test/harness/mutationSampling.js';

const { sample } = JSON.parse(fs.readFileSync('reports/mutation/sample/sample.json', 'utf8'));
const places = sampling.sampledPlaces(sample);

const sampleOnly = {
  shouldIgnore(nodePath) {
    const fileName = nodePath.hub?.file?.opts?.filename;
    const location = nodePath.node.loc;
    if (typeof fileName !== 'string' || !location) return undefined;
    const relative = path.relative(process.cwd(), fileName).split(path.sep).join('/');
    return sampling.holdsSampledPlace(places, relative, location) ? undefined : 'Not in the sample: nested inside a sampled mutant';
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'sample-only', sampleOnly)];
