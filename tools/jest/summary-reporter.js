// Writes each Jest run's totals to tmp/test-results/ so .ci/run can print one
// "N passed, N failed" line over every project and database, followed by the
// name and first lines of each failure (a CI log is often kept only by its tail).
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const FAILURE_LINES = 12;
const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
const firstLines = (text) => plain(text).split('\n').filter((line) => !line.includes('node_modules')).slice(0, FAILURE_LINES).join('\n');

function failuresOf(results) {
  const failures = [];
  for (const file of results.testResults) {
    const where = path.relative(path.join(__dirname, '..', '..'), file.testFilePath);
    if (file.testExecError || (file.failureMessage && file.numFailingTests === 0)) {
      failures.push({ where, test: '(suite failed to run)', message: firstLines(file.failureMessage ?? String(file.testExecError?.message)) });
    }
    for (const test of file.testResults.filter((t) => t.status === 'failed')) {
      failures.push({ where, test: test.fullName, message: firstLines(test.failureMessages.join('\n')) });
    }
  }
  return failures;
}

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
        failures: failuresOf(results),
      }),
    );
  }
}

module.exports = SummaryReporter;
