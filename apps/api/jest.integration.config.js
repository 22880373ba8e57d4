// Suites each make their own database; two at a time keeps the 2-core machines responsive.
module.exports = require('../../jest.suite.js')(__dirname, 'api:integration', { kind: 'integration-spec', testTimeout: 120000, maxWorkers: 2 });
