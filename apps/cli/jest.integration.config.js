// Runs the CLI against a real API: the built bundle dist/apps/api/main.js in a
// child process over a fresh SQLite database (and MariaDB when TEST_MYSQL_URL
// is set). The CLI may not import API code, so the API is never loaded here.
module.exports = require('../../jest.suite.js')(__dirname, 'cli:integration', { kind: 'integration-spec', testTimeout: 120000, maxWorkers: 2 });
