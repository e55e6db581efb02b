// V8's code cache for the built CLI. Compiling its bundled JavaScript (the AWS SDK, zod, the services)
// took about a fifth of a command's start; with the cache, V8 reuses the code it compiled on an earlier
// run. Node 22 has this built in (module.enableCompileCache); on Node 20 the loader is given it here.
//
// The cache sits beside the code it was made from (a build empties the folder), so whoever could change
// it could change the code itself. V8 checks a cache only against the source's length, so each entry is
// named after a hash of the whole source: an edited file never runs an old file's code.
const { createHash } = require('node:crypto')
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs')
const Module = require('node:module')
const { basename, dirname, join, sep } = require('node:path')
const { Script } = require('node:vm')

/** Compiles the CommonJS files under `root` with a code cache kept in `root/.compile-cache`. */
function enableCompileCache(root) {
  const cacheDir = join(root, '.compile-cache')
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache(cacheDir)
    return
  }
  const toWrite = []
  const compile = Module.prototype._compile
  Module.prototype._compile = function (content, filename) {
    // A script compiled by vm cannot run import() on Node 20 without a flag: such a file is left to node.
    if (!filename.startsWith(root + sep) || content.includes('import(')) return compile.call(this, content, filename)
    const file = join(cacheDir, `${basename(filename)}.${createHash('sha256').update(content).digest('hex').slice(0, 16)}`)
    const cachedData = readIfThere(file)
    // "#!" is valid only at a script's very start, not inside the module wrapper; "//" keeps the length.
    const source = Module.wrap(content.startsWith('#!') ? `//${content.slice(2)}` : content)
    const script = new Script(source, { filename, cachedData })
    if (!cachedData || script.cachedDataRejected) toWrite.push({ script, file })
    return script.runInThisContext({ displayErrors: true }).call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename))
  }
  // At exit the cache also holds the functions this run compiled lazily, not only the top-level code.
  process.on('exit', () => {
    for (const { script, file } of toWrite) {
      try {
        mkdirSync(cacheDir, { recursive: true })
        // Written whole under a name of its own, then renamed: a CLI started beside this one reads all or nothing.
        const partial = `${file}.${process.pid}.tmp`
        writeFileSync(partial, script.createCachedData())
        renameSync(partial, file)
      } catch {
        // A read-only install runs without the cache.
      }
    }
  })
}

function readIfThere(file) {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** The `require` node gives a module, for the parts a bundle uses. */
function requireFor(module) {
  const require = (id) => module.require(id)
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options)
  require.main = process.mainModule
  require.cache = Module._cache
  return require
}

module.exports = { enableCompileCache }
