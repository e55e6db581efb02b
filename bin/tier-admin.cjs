#!/usr/bin/env node
// The CLI as built by `npm run build` (out/main/cli.js): plain JavaScript, no compiler at run time.
const { existsSync } = require('node:fs')
const { dirname, join } = require('node:path')

const built = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(built)) {
  process.stderr.write('Error (NOT_BUILT): tier-admin has not been built yet. Run "npm run build" in the project folder first.\n')
  process.exit(1)
}
require('./compileCache.cjs').enableCompileCache(dirname(built))
require(built)
