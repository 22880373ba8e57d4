module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'persistence:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  testTimeout: 60000,
};
