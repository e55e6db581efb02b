/**
 * An import run by another process of the app (the CLI beside the window) is followed here as it
 * goes: once this process has looked at the job, each row the other process saves is pushed to
 * subscribers (through the job folder's change notifications, not polling), ending with "done".
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { ImportProgress } from '../../../src/shared/jobProgress'
import { openBulkSandbox } from '../../support/bulkSandbox'
import { resultLines } from '../../support/killMidJob'
import { makeTempDir } from '../../support/tempDir'

const ROWS = 150
const temp = makeTempDir('tier-admin-import-elsewhere-')
afterAll(() => temp.remove())

it('pushes the progress of an import another process runs, row by row, until it is done', async () => {
  const sandbox = await openBulkSandbox(temp.dir, 1)
  try {
    const path = join(temp.dir, 'people.csv')
    writeFileSync(path, ['username,email', ...Array.from({ length: ROWS }, (_, i) => `far_${i},far_${i}@example.com`)].join('\n'))
    const preview = await sandbox.imports.preview({ path })
    const seen: ImportProgress[] = []
    const finished = new Promise<void>((resolve) => {
      sandbox.jobUpdates.on('import', (jobId, progress) => {
        if (jobId !== preview.jobId) return
        seen.push(progress)
        if (progress.state === 'done') resolve()
      })
    })
    const other = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../support/importChild.ts'), temp.dir, preview.jobId, 'admin-create'], {
      stdio: 'inherit'
    })
    try {
      const jobDir = join(temp.dir, 'jobs', preview.jobId)
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (resultLines(jobDir) < 5) return
          clearInterval(timer)
          resolve()
        }, 5)
      })
      // The window looks at the job once (the resume notice lists jobs); from then on it is told.
      const listed = (await sandbox.imports.list()).find((job) => job.jobId === preview.jobId)!
      expect(listed.progress.runningElsewhere).toContain('the doomed process')
      await finished
    } finally {
      other.kill('SIGKILL')
    }
    const running = seen.filter((progress) => progress.state === 'running')
    expect(running.length).toBeGreaterThan(2)
    expect(running.every((progress) => progress.runningElsewhere?.includes('the doomed process'))).toBe(true)
    const done = running.map((progress) => progress.done)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(seen.at(-1)).toMatchObject({ state: 'done', created: ROWS })
  } finally {
    await sandbox.close()
  }
}, 120_000)
