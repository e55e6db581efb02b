import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { CliRun } from './cliRunner'

const ROOT = join(__dirname, '../..')

export interface RunningCli {
  child: ChildProcess
  pid: number
  /** Resolves when the process has exited and its output is read to the end. */
  done: Promise<CliRun & { signal: NodeJS.Signals | null }>
  /** Output so far. */
  stdout(): string
  stderr(): string
}

/**
 * Starts the real `tier-admin` bin and returns at once, for tests that act on the process while it
 * runs (start another beside it, kill it). `runTierAdmin` is the same for a run awaited to its end.
 */
export function startTierAdmin(args: string[], options: { env: NodeJS.ProcessEnv; cwd: string; stdin?: string }): RunningCli {
  const child = spawn(process.execPath, [join(ROOT, 'bin/tier-admin.cjs'), ...args], { env: options.env, cwd: options.cwd, stdio: 'pipe' })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const done = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }))
  })
  child.stdin.end(options.stdin ?? '')
  return { child, pid: child.pid as number, done, stdout: () => stdout, stderr: () => stderr }
}

/** Polls until the check passes (or throws after the timeout, naming what was awaited). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
