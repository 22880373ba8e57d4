// Sums the per-run totals written by tools/jest/summary-reporter.js and prints
// one "N passed, N failed" line, so a run that executed no test is visible.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve('tmp', 'test-results');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const total = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
for (const file of files) {
  const run = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  total.passed += run.passed;
  total.failed += run.failed;
  total.skipped += run.skipped;
  failures.push(...(run.failures ?? []));
}
for (const failure of failures) {
  console.log(`\nFAILED ${failure.where} > ${failure.test}\n${failure.message}`);
}
console.log(`${files.length} jest runs`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
