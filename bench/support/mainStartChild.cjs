// One measured start of the app's main process, run by bench/main-start.bench.ts under plain node (a
// TypeScript loader would slow every require it measures): loads the built main bundle under the
// stand-in `electron` module, asks the connection over IPC as the window does first, prints the times
// as JSON, then quits the way the app does (the sandbox emulator stops with it).
//   node mainStartChild.cjs <fakeElectron.cjs> <out/main/index.js> <getConnection channel> <userData folder>
const Module = require('node:module')
const { performance } = require('node:perf_hooks')
const { setImmediate } = require('node:timers')

const [fakeElectron, bundle, channel, userData] = process.argv.slice(2)
const fake = require(fakeElectron).createFakeElectron(userData)

// The bundle registers its channels once its pool is open: the measure stops at the first answer.
const registered = new Promise((resolve) => {
  const handle = fake.electron.ipcMain.handle
  fake.electron.ipcMain.handle = (name, listener) => {
    handle(name, listener)
    if (name === channel) resolve(listener)
  }
})
const quit = new Promise((resolve) => {
  fake.electron.app.quit = resolve
})
const load = Module._load
Module._load = function (request, ...rest) {
  return request === 'electron' ? fake.electron : load.call(this, request, ...rest)
}

async function main() {
  const started = performance.now()
  require(bundle)
  const loadedMs = performance.now() - started
  fake.makeReady()
  const handler = await registered
  // The window is made in the same turn as the channels, after them.
  await new Promise((resolve) => setImmediate(resolve))
  // Asked as the window asks: main answers only its own window's main frame.
  const window = fake.windows[0]
  const answer = await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, undefined)
  const answerMs = performance.now() - started
  fake.electron.app.emit('will-quit', { preventDefault() {} })
  await quit
  process.stdout.write(JSON.stringify({ loadedMs, answerMs, answer }) + '\n')
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack}\n`)
    process.exit(1)
  }
)
