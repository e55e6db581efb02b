/**
 * `server.json` in the sandbox folder: where the running emulator listens and the per-run credential
 * it demands. Written (privately, atomically) by the process that owns the emulator once it answers,
 * removed when it stops; read by every other process of the app that wants to use it.
 */
import { readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { writeFileAtomic } from '../storage/privateFiles'
import { SANDBOX_CREDENTIAL_HEADER } from './constants'

export interface ServerRecord {
  pid: number
  port: number
  credential: string
}

export function readServerRecord(path: string): ServerRecord | null {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as Partial<ServerRecord>
    return typeof record.pid === 'number' && typeof record.port === 'number' && typeof record.credential === 'string' ? (record as ServerRecord) : null
  } catch {
    return null
  }
}

export function writeServerRecord(path: string, record: ServerRecord): Promise<void> {
  return writeFileAtomic(path, JSON.stringify(record))
}

/** Removes the record only if it is still this one (a successor may have written its own). */
export function removeServerRecord(path: string, record: ServerRecord): void {
  if (readServerRecord(path)?.credential === record.credential) rmSync(path, { force: true })
}

/** True when the emulator at this port answers its health check with this credential. */
export function emulatorAnswers(port: number, credential: string, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/health', method: 'GET', headers: { [SANDBOX_CREDENTIAL_HEADER]: credential }, agent: false, timeout: timeoutMs },
      (res) => {
        res.resume()
        resolve(res.statusCode === 200)
      }
    )
    req.once('error', () => resolve(false))
    req.once('timeout', () => (req.destroy(), resolve(false)))
    req.end()
  })
}
