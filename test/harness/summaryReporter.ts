import * as fs from 'node:fs';
import Mocha from 'mocha';

import type { SuiteSummary } from './suiteSummary';

/**
 * Mocha's spec reporter plus a machine-readable summary written to the `summaryFile` reporter option
 * (or $PROMPTOPS_TEST_SUMMARY), so the harness can total every suite without parsing prose.
 */
class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const reporterOptions = (options.reporterOptions ?? {}) as Record<string, unknown>;
    const configured = reporterOptions['summaryFile'];
    const summaryFile = typeof configured === 'string' ? configured : process.env['PROMPTOPS_TEST_SUMMARY'];
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (!summaryFile) return;
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      const summary: SuiteSummary = { passed: stats.passes, failed: stats.failures, pending: stats.pending };
      fs.writeFileSync(summaryFile, JSON.stringify(summary));
    });
  }
}

export = SummaryReporter;
