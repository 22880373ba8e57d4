// A project's Jest config: the shared preset, the project's name, and one kind of test file
// under its src/ (`*.spec.ts` unless told: `integration-spec`, `system-spec`).
const preset = require('./jest.preset.js');

module.exports = function suite(rootDir, displayName, { kind = 'spec', ...options } = {}) {
  return { ...preset, displayName, rootDir, testMatch: [`<rootDir>/src/**/*.${kind}.ts`], ...options };
};
