// Writes each Jest run's totals to tmp/test-results/ so .ci/run can print one
// "N passed, N failed" line over every project and database.
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = path.basename(globalConfig.rootDir) + '-' + process.pid;
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(__dirname, '..', '..', 'tmp', 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `${this.name}.json`),
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
