module.exports = require('../../jest.suite.js')(__dirname, 'persistence:integration', { kind: 'integration-spec', testTimeout: 60000 });
