import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { OutboxMessage } from '../../shared/domain'

/**
 * The sandbox's outbox: every code the sandbox pool "sent", kept as JSON lines so it survives restarts
 * and the CLI sees what the app sent (and the other way round).
 */
export class SandboxOutbox {
  constructor(readonly path: string) {}

  append(message: Omit<OutboxMessage, 'id' | 'at'>): OutboxMessage {
    const entry: OutboxMessage = { id: randomUUID(), at: new Date().toISOString(), ...message }
    mkdirSync(dirname(this.path), { recursive: true })
    appendFileSync(this.path, JSON.stringify(entry) + '\n', 'utf8')
    return entry
  }

  /** Newest first. */
  list(limit = 200): OutboxMessage[] {
    if (!existsSync(this.path)) return []
    const lines = readFileSync(this.path, 'utf8').split('\n').filter(Boolean)
    return lines
      .slice(-limit)
      .map((line) => JSON.parse(line) as OutboxMessage)
      .reverse()
  }

  /** The newest code sent to a user, for the CLI and tests. */
  latestCodeFor(username: string): string | undefined {
    return this.list().find((message) => message.username === username)?.code
  }
}
