/**
 * Reads a file the operator named, whatever kind it is, with a byte budget: a regular file, but also
 * /dev/zero (endless), a FIFO or a terminal (whose size is 0 until written). Counting the bytes as they
 * come, not asking the size first, is what keeps an endless file from filling memory; opening without
 * blocking is what keeps a FIFO nobody writes to from hanging the process that opened it.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'

/** How long a pipe may stay silent before the read is given up. */
const IDLE_LIMIT_MS = 30_000
const CHUNK_BYTES = 64 * 1024

/** Why a read stopped short: the caller words it for the file it asked for. */
export class ReadLimitError extends Error {
  constructor(readonly reason: 'too-large' | 'idle' | 'folder') {
    super(reason)
    this.name = 'ReadLimitError'
  }
}

/**
 * The file's bytes in the pieces they came in, at most `maxBytes` in all; more than that is refused as
 * soon as one byte more arrives. Pieces, so the caller can decode and hash them a step at a time.
 */
export async function readLimited(path: string, maxBytes: number, idleLimitMs = IDLE_LIMIT_MS): Promise<Buffer[]> {
  // O_NONBLOCK: a FIFO opens at once even with no writer (and then reads as empty); Windows has no such flag and no FIFOs.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    if ((await handle.stat()).isDirectory()) throw new ReadLimitError('folder')
    const chunks: Buffer[] = []
    let total = 0
    let lastData = Date.now()
    for (;;) {
      const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total))
      let bytesRead: number
      try {
        ;({ bytesRead } = await handle.read(buffer, 0, buffer.length, null))
      } catch (error) {
        // A pipe whose writer has not written yet: wait for it, but not for ever.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
        if (Date.now() - lastData > idleLimitMs) throw new ReadLimitError('idle')
        await sleep(20)
        continue
      }
      if (bytesRead === 0) break
      lastData = Date.now()
      total += bytesRead
      if (total > maxBytes) throw new ReadLimitError('too-large')
      chunks.push(buffer.subarray(0, bytesRead))
    }
    return chunks
  } finally {
    await handle.close()
  }
}
