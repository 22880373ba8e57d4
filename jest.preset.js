// Shared Jest setup: @swc/jest keeps decorator metadata (TypeORM and
// type-graphql need it), and the path aliases of tsconfig.base.json resolve to
// source so tests never depend on a build.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@canopy/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@canopy/persistence$': path.join(__dirname, 'libs/persistence/src/index.ts'),
    '^@canopy/evidence$': path.join(__dirname, 'libs/evidence/src/index.ts'),
    '^@canopy/galera$': path.join(__dirname, 'tools/galera/index.ts'),
  },
  reporters: ['default', path.join(__dirname, 'tools/jest/summary-reporter.js')],
};
