/**
 * Where a file the operator asked for goes (a CSV of figures, a tier's users, a job's results, the
 * audit trail): a path they chose, replaced whole and private, never half-written; or a stream the
 * front end holds (the CLI's standard output), written as the lines come. One writer for all of them.
 */
import { once } from 'node:events'
import { writeStreamAtomic } from './privateFiles'

/** A file's path, or an open stream with the name to tell the operator ("standard output"). */
export type SaveTarget = string | { stream: NodeJS.WritableStream; name: string }

/** What the operator is told the file was saved as. */
export function targetName(target: SaveTarget): string {
  return typeof target === 'string' ? target : target.name
}

/** Writes `lines` (each with its line end) to the target; returns how many were written. */
export async function saveLines(target: SaveTarget, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  let count = 0
  async function* counted(): AsyncGenerator<string> {
    for await (const line of lines) {
      count++
      yield line
    }
  }
  if (typeof target === 'string') {
    await writeStreamAtomic(target, counted())
    return count
  }
  const { stream } = target
  const failed = once(stream, 'error').then(([error]) => Promise.reject(error as Error))
  failed.catch(() => undefined)
  for await (const line of counted()) {
    if (!stream.write(line)) await Promise.race([once(stream, 'drain'), failed])
  }
  return count
}
