/**
 * Vitest global setup: the CLI tests run the built `tier-admin` (out/main/cli.js), as users do. When
 * the build is missing or older than the sources (a test run without `npm run build` before it), it
 * is built once here, so no test runs yesterday's CLI.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')
const BUILT = join(ROOT, 'out/main/cli.js')

function newestIn(folder: string): number {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs)
  }
  return newest
}

export default function setup(): void {
  // For a focused run of tests that never start the CLI, while the sources are mid-edit.
  if (process.env.TIER_ADMIN_SKIP_BUILD === '1') return
  // src/preload too: test/build/preloadBundle.test.ts loads the built preload.
  const sources = Math.max(...['src/main', 'src/cli', 'src/shared', 'src/preload'].map((folder) => newestIn(join(ROOT, folder))))
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' })
}
