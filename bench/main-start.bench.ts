/**
 * Start-up of the app's main process: from loading the built bundle (out/main/index.js) under the
 * stand-in `electron` module (test/support/fakeElectron.ts) to its first IPC answer (getConnection,
 * the window's first call), against a configured pool (an endpoint nobody answers: opening it sends no
 * request) and against the sandbox (cognito-local in the same process, its data folder kept from a
 * first run that is not counted, as on an operator's computer). Each run is a fresh node process;
 * median of N runs each. Electron's own start and the page's load are not in it.
 *
 *   npx tsx bench/main-start.bench.ts --runs 7      (after npm run build)
 */
import './support/benchName'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { contract } from '../src/shared/contract'
import { cleanEnv } from '../test/support/cliRunner'
import { makeTempDir } from '../test/support/tempDir'

const ROOT = join(__dirname, '..')
const runsAt = process.argv.indexOf('--runs')
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 7
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number of runs, at least 1 (given: ${process.argv[runsAt + 1]})`)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** The one stand-in for electron, as plain CommonJS for the child (which runs without a TypeScript loader). */
function writeFakeElectron(dir: string): string {
  const source = readFileSync(join(ROOT, 'test/support/fakeElectron.ts'), 'utf8')
  const file = join(dir, 'fakeElectron.cjs')
  writeFileSync(file, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText)
  return file
}

interface Start {
  loadedMs: number
  answerMs: number
  answer: { ok: boolean; data?: { state: string; info?: { mode: string } } }
}

function start(fakeElectron: string, dataDir: string, poolEnv: Record<string, string>): Start {
  const run = spawnSync(
    process.execPath,
    [join(__dirname, 'support/mainStartChild.cjs'), fakeElectron, join(ROOT, 'out/main/index.js'), contract.getConnection.channel, dataDir],
    { env: cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir, ...poolEnv }), cwd: dataDir, encoding: 'utf8', timeout: 120_000 }
  )
  if (run.status !== 0) throw new Error(`the main bundle did not start (${run.error?.message ?? run.signal ?? `exit ${run.status}`}): ${run.stderr}`)
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as Start
  if (!result.answer.ok || result.answer.data?.state !== 'connected') throw new Error(`unexpected first answer: ${JSON.stringify(result.answer)}`)
  return result
}

function measure(label: string, poolEnv: Record<string, string>): string {
  const temp = makeTempDir('tier-admin-bench-main-')
  try {
    const fakeElectron = writeFakeElectron(temp.dir)
    const dataDir = join(temp.dir, 'data')
    mkdirSync(dataDir)
    start(fakeElectron, dataDir, poolEnv)
    const starts = Array.from({ length: runs }, () => start(fakeElectron, dataDir, poolEnv))
    const loaded = median(starts.map((s) => s.loadedMs))
    const answered = starts.map((s) => s.answerMs)
    return `| ${label} | ${loaded.toFixed(0)} ms | ${median(answered).toFixed(0)} ms (${Math.min(...answered).toFixed(0)}–${Math.max(...answered).toFixed(0)}) |`
  } finally {
    temp.remove()
  }
}

const configured = {
  COGNITO_USER_POOL_ID: 'us-east-1_Bench',
  COGNITO_CLIENT_ID: 'bench',
  COGNITO_ENDPOINT: 'http://127.0.0.1:9',
  COGNITO_ENDPOINT_IS_EMULATOR: 'true'
}
console.log(`Main process start: out/main/index.js under the stand-in electron module, median of ${runs} runs each`)
console.log('| pool | bundle loaded | first IPC answer (min–max) |')
console.log('| --- | --- | --- |')
console.log(measure('configured (endpoint, unreachable)', configured))
console.log(measure('sandbox (cognito-local, existing data)', {}))
