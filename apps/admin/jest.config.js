// Component tests: jsdom, @testing-library/react, swc for TSX. The preset's
// summary reporter counts them in CI's "N passed, N failed" line.
const path = require('node:path');
const preset = require('../../jest.preset.js');

const swc = {
  swcrc: false,
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
  },
  module: { type: 'commonjs' },
};

module.exports = {
  displayName: 'admin',
  rootDir: __dirname,
  reporters: preset.reporters,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  moduleFileExtensions: ['tsx', 'ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc], '^.+\\.mjs$': ['@swc/jest', swc] },
  // ESM-only packages are compiled too.
  transformIgnorePatterns: ['/node_modules/(?!(jsondiffpatch|@dmsnell|csv-stringify)/)'],
  moduleNameMapper: {
    '\\.css$': path.join(__dirname, 'src/testing/style-mock.js'),
    '^@canopy/domain$': path.join(__dirname, '../../libs/domain/src/index.ts'),
    '^@canopy/evidence/browser$': path.join(__dirname, '../../libs/evidence/src/browser.ts'),
  },
  setupFiles: ['<rootDir>/src/testing/polyfills.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
};
