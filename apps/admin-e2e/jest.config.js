// Browser tests: the built API (serving the built console) on a fresh SQLite
// file with demo data, driven through Debian's Chromium by playwright-core.
// The preset's summary reporter counts them in CI's "N passed, N failed" line.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'admin-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
  testSequencer: '<rootDir>/src/support/sequencer.js',
};
