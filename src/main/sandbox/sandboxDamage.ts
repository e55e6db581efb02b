import { relative } from 'node:path'

/**
 * A sandbox file that exists but cannot be read as what it should be (empty, cut short, not JSON).
 * Never taken for "no sandbox yet": that would start an empty pool and orphan every user in the old one.
 */
export class SandboxDamagedError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string
  ) {
    super(`${path}: ${reason}`)
    this.name = 'SandboxDamagedError'
  }

  /** The file as the operator finds it, from the sandbox folder down. */
  describe(sandboxDir: string): string {
    return relative(sandboxDir, this.path) || this.path
  }
}
