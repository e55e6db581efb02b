/**
 * Output that ends quietly when its reader goes away (`tier-admin list-tier standard --csv | head -2`):
 * once a write finds the pipe closed (EPIPE), what is left to print is dropped instead of crashing the
 * run with Node's "Unhandled 'error' event" stack, and the command finishes as it would have, so a job
 * it started is still left resumable and its files whole.
 */
import { Writable } from 'node:stream'

export interface GuardedOutput {
  /** Writes one line of text, or nothing once the reader is gone. */
  line: (text: string) => void
  /** The same output as a stream, for a file written to it as it is made. */
  stream: Writable
}

const isClosedPipe = (error: unknown): boolean => ['EPIPE', 'ERR_STREAM_DESTROYED'].includes((error as NodeJS.ErrnoException | null)?.code ?? '')

export function guardOutput(target: NodeJS.WriteStream): GuardedOutput {
  let gone = false
  target.on('error', (error) => {
    if (!isClosedPipe(error)) throw error
    gone = true
  })
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (gone) return done()
      // Waits for the pipe to take the chunk, so a large file is written at the reader's pace.
      target.write(chunk, (error) => done(error && !isClosedPipe(error) ? error : null))
    }
  })
  return { line: (text) => void (gone || target.write(`${text}\n`)), stream }
}
