module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'tools',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // The dependency-rule checks run dependency-cruiser in a child process, a few seconds each.
  testTimeout: 120000,
};
