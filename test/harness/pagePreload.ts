import { join } from 'node:path'
import { buildSync } from 'esbuild'

let script: string | null = null

/**
 * The preload (src/preload/index.ts, and so its bridge) as one script for the harness's page, with
 * `electron` resolved to electronInPage.ts. Bundled with esbuild (which vite and tsx bring) once per
 * process; like the real preload it carries the contract and its schemas.
 */
export function preloadScript(): string {
  script ??= buildSync({
    entryPoints: [join(__dirname, '../../src/preload/index.ts')],
    alias: { electron: join(__dirname, 'electronInPage.ts') },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent'
  }).outputFiles[0].text
  return script
}
