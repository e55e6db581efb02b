/** The path a failed file operation was about, given to errors that Node leaves without one. */

/**
 * Gives a file-handle error the path it failed on. Node names the path only for calls that take one
 * (open, rename); a write, sync or close on an open handle fails with ENOSPC and no path, and would then
 * pass for an error inside the app rather than the full disk it is. Returns the same error.
 */
export function withPath(error: unknown, path: string): unknown {
  const e = error as { code?: unknown; syscall?: unknown; path?: unknown } | null
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.syscall === 'string' && typeof e.path !== 'string') {
    Object.defineProperty(e, 'path', { value: path, enumerable: true, configurable: true, writable: true })
  }
  return error
}
