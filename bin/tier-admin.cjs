#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the command line always matches the source it ships with.
require('tsx/cjs')
require('../src/cli/index.ts')
