// System tests of the built application: the API bundle (dist/apps/api/main.js) as a child process
// with real signals (crash, graceful shutdown), a MariaDB server of their own (own data directory and
// port, never the shared one) stopped under load, and the built console in Chromium under the CSP.
// Slow, so a target of their own (`nx run api:system`, part of `npm test`), one suite at a time.
module.exports = require('../../jest.suite.js')(__dirname, 'api:system', { kind: 'system-spec', testTimeout: 300000, maxWorkers: 1 });
