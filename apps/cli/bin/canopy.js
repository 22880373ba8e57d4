#!/usr/bin/env node
// `npx canopy` in the workspace: runs the TypeScript entry through
// @swc-node/register, so no build step is needed after `npm ci`.
// `nx run cli:build` bundles a standalone bin to dist/apps/cli/canopy.js.
'use strict';
const path = require('node:path');

process.env.SWC_NODE_PROJECT = path.join(__dirname, '..', '..', '..', 'tsconfig.base.json');
require('@swc-node/register');
require('../src/main.ts');
