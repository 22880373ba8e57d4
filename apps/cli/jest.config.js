module.exports = require('../../jest.suite.js')(__dirname, 'cli');
