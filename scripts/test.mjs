// `npm test`: build, type-check, unit tests in Node, integration tests in a real VS Code,
// then one line of totals over every suite, so that a run that executed nothing shows at a glance.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-test-'));
const suites = [];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function heading(title) {
  console.log(`\n━━ ${title} ━━`);
}

/** A step that is one check: it passed or it failed; `more` are further commands of the same check. */
function step(name, command, args, ...more) {
  heading(name);
  let ok = run(command, args) === 0;
  for (const [nextCommand, nextArgs] of more) ok = run(nextCommand, nextArgs) === 0 && ok;
  suites.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, pending: 0 });
  return ok;
}

/** A mocha suite that writes its counts to a summary file, and may leave a note for its totals row. */
function mochaSuite(name, command, args) {
  heading(name);
  const summaryFile = path.join(scratch, `${name.replace(/\W+/g, '-')}.json`);
  const noteFile = `${summaryFile}.note`;
  const code = run(command, args, { PROMPTOPS_TEST_SUMMARY: summaryFile, PROMPTOPS_TEST_NOTE: noteFile });
  let summary;
  try {
    summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
  } catch {
    summary = { passed: 0, failed: 0, pending: 0 };
  }
  // A suite that crashed before reporting still counts as a failure.
  if (code !== 0 && summary.failed === 0) summary.failed = 1;
  // So does one that executed no test: it checked nothing.
  if (summary.passed === 0 && summary.failed === 0) {
    console.log(`${name}: no test was executed.`);
    summary.failed = 1;
  }
  const note = fs.existsSync(noteFile) ? fs.readFileSync(noteFile, 'utf8') : undefined;
  suites.push({ name, ...summary, note });
}

// The same as `npm run build`: the bundles, and the runtime's type declarations for applications.
const built = step('build (esbuild, runtime types)', process.execPath, ['esbuild.mjs'],
  [process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/runtime/tsconfig.json']]);
// tsc still emits on type errors, so the suites below run and the failure is counted once here.
step('type-check (tsc, strict)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'],
  [process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/webview/tsconfig.json']]);
// The README's install commands as written, in a fresh copy of the repository (it builds on its own).
mochaSuite('install paths (README, as written)', process.execPath, [
  'node_modules/mocha/bin/mocha.js', '--no-config', '--enable-source-maps', '--timeout', '600000',
  '--reporter', 'out/test/harness/summaryReporter.js', 'out/test/package/*.test.js',
]);
mochaSuite('unit', process.execPath, ['node_modules/mocha/bin/mocha.js', '--reporter', 'out/test/harness/summaryReporter.js']);
if (built && process.env.PROMPTOPS_SKIP_INTEGRATION !== '1') {
  mochaSuite('integration (real VS Code)', process.execPath, ['out/test/harness/runIntegration.js']);
  process.env.PROMPTOPS_TEST_UNTRUSTED = '1';
  mochaSuite('integration, untrusted workspace', process.execPath, ['out/test/harness/runIntegration.js']);
  delete process.env.PROMPTOPS_TEST_UNTRUSTED;
} else {
  heading('integration (real VS Code)');
  console.log(built ? 'skipped: PROMPTOPS_SKIP_INTEGRATION=1' : 'not run: the build failed');
  if (!built) suites.push({ name: 'integration (real VS Code)', passed: 0, failed: 1, pending: 0 });
}
fs.rmSync(scratch, { recursive: true, force: true });

heading('totals');
for (const s of suites) {
  console.log(`${s.name.padEnd(40)} ${String(s.passed).padStart(5)} passed ${String(s.failed).padStart(4)} failed${s.pending ? ` ${s.pending} pending` : ''}${s.note ? `  (${s.note})` : ''}`);
}
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
