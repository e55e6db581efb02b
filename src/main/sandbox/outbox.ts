import { randomUUID } from 'node:crypto'
import type { OutboxMessage } from '../../shared/domain'
import { appendJsonLine, readJsonLines } from '../storage/jsonLines'

function isMessage(value: unknown): value is OutboxMessage {
  const m = value as Partial<OutboxMessage> | null
  return !!m && typeof m === 'object' && typeof m.username === 'string' && typeof m.code === 'string' && typeof m.at === 'string'
}

/**
 * The sandbox's outbox: every code the sandbox pool "sent", kept as JSON lines so it survives restarts
 * and the CLI sees what the app sent (and the other way round). A torn line is skipped, not fatal.
 */
export class SandboxOutbox {
  constructor(readonly path: string) {}

  async append(message: Omit<OutboxMessage, 'id' | 'at'>): Promise<OutboxMessage> {
    const entry: OutboxMessage = { id: randomUUID(), at: new Date().toISOString(), ...message }
    await appendJsonLine(this.path, entry)
    return entry
  }

  /** Newest first. */
  list(limit = 200): OutboxMessage[] {
    return readJsonLines(this.path, isMessage).entries.slice(-limit).reverse()
  }

  /** The newest code sent to a user, for the CLI and tests. */
  latestCodeFor(username: string): string | undefined {
    return this.list().find((message) => message.username === username)?.code
  }
}
