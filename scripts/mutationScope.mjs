// What every mutation run shares: the unit tests Stryker cannot use. They run the bundles in dist/,
// which Stryker's sandbox does not build (their dry run would fail), and a mutant switched inside the
// test process could never reach them anyway.
export const outOfProcessTests = [
  'out/test/unit/cli/releases/concurrentPromote.test.js',
  'out/test/unit/runtime/packageEntry.test.js',
  'out/test/unit/examples/flagdService.test.js',
];
