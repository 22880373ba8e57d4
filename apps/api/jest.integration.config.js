module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  testTimeout: 120000,
  // Suites each make their own database; two at a time keeps the 2-core machines responsive.
  maxWorkers: 2,
};
