import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll } from 'vitest'
import { cleanEnv, runTierAdmin } from './cliRunner'
import { makeTempDir } from './tempDir'

/**
 * Fresh data folders for CLI tests that run several `tier-admin` processes on one folder, removed
 * after the file's tests; and the CLI and its environment bound to one folder.
 */
export function cliDataFolders() {
  const temps: { remove: () => void }[] = []
  afterAll(() => temps.forEach((temp) => temp.remove()))
  const envFor = (dataDir: string, extra: Record<string, string> = {}) => cleanEnv({ TIER_ADMIN_DATA_DIR: dataDir, ...extra })
  return {
    dataFolder(): string {
      const temp = makeTempDir('tier-admin-concurrency-')
      temps.push(temp)
      return temp.dir
    },
    envFor,
    /** Runs the CLI on a data folder, from its parent folder (the data folder itself may not exist yet). */
    cliIn: (dataDir: string) => (args: string[], stdin?: string, extra?: Record<string, string>) =>
      runTierAdmin(args, { env: envFor(dataDir, extra), cwd: dirname(dataDir), stdin })
  }
}

/** The sandbox's server record (owner PID and port), or null while no process runs the emulator. */
export function readServerRecord(dataDir: string): { pid: number; port: number } | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'sandbox', 'server.json'), 'utf8')) as { pid: number; port: number }
  } catch {
    return null
  }
}
