/**
 * Follows a job that another process of the app runs: that process rewrites the job's record at every
 * move and checkpoint, and this calls back when it does (inotify and its kin; no polling). The watch
 * never keeps a process alive on its own.
 */
import { watch, type FSWatcher } from 'node:fs'

/**
 * Calls a rewrite of `dir`/job.json (or of the other `files` named, such as a job's results that grow
 * row by row) back to `changed`, at most once per `settleMs`; returns the stop.
 */
export function watchJobRecord(dir: string, changed: () => void, settleMs = 100, files: readonly string[] = ['job.json']): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let watcher: FSWatcher | null = null
  const stop = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
    watcher?.close()
    watcher = null
  }
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      // The record is replaced by renaming a temporary file beside it, whose name contains the record's.
      if (name && !files.some((file) => String(name).includes(file))) return
      if (timer) return
      timer = setTimeout(() => {
        timer = null
        changed()
      }, settleMs)
      timer.unref?.()
    })
    watcher.on('error', stop)
  } catch {
    // A folder that cannot be watched (removed, or a file system without notifications): the
    // screen still shows the other process's job each time it asks.
  }
  return stop
}
