/**
 * Runs a row job in a child process and kills it (kill -9) once its folder shows `atLeast` rows
 * ended: the stand-in for the app or the CLI dying mid-job.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export function resultLines(jobDir: string): number {
  try {
    return readFileSync(join(jobDir, 'results.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"phase":"result"')).length
  } catch {
    return 0
  }
}

export async function killMidJob(script: string, args: string[], jobDir: string, atLeast: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' })
  try {
    // Polled: the child appends a result line per row to the job's folder.
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`The job's process ended early (${code})`)))
      const timer = setInterval(() => {
        if (resultLines(jobDir) < atLeast) return
        clearInterval(timer)
        resolve()
      }, 5)
    })
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
  } finally {
    child.kill('SIGKILL')
  }
}
