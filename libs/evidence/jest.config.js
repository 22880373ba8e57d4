module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'evidence',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
