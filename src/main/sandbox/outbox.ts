import { randomUUID } from 'node:crypto'
import type { OutboxMessage } from '../../shared/domain'
import { appendJsonLine, readJsonLines } from '../storage/jsonLines'

type Line = OutboxMessage | UsedMarker

/** Written when a code was used to confirm, so the outbox stops offering it. */
interface UsedMarker {
  used: true
  username: string
  code: string
  at: string
}

function isLine(value: unknown): value is Line {
  const m = value as Partial<OutboxMessage & UsedMarker> | null
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

  async markUsed(username: string, code: string): Promise<void> {
    await appendJsonLine(this.path, { used: true, username, code, at: new Date().toISOString() } satisfies UsedMarker)
  }

  /** Newest first, each with whether it can still be used. */
  list(limit = 200): OutboxMessage[] {
    const lines = readJsonLines(this.path, isLine).entries
    const used = new Set(lines.filter((line): line is UsedMarker => 'used' in line).map((line) => `${line.username}\n${line.code}`))
    const messages = lines.filter((line): line is OutboxMessage => !('used' in line)).reverse()
    const newestSeen = new Set<string>()
    const marked = messages.map((message): OutboxMessage => {
      const state = used.has(`${message.username}\n${message.code}`) ? 'used' : newestSeen.has(message.username) ? 'replaced' : 'current'
      newestSeen.add(message.username)
      return { ...message, state }
    })
    return marked.slice(0, limit)
  }

  /** The newest code sent to a user, for the CLI and tests. */
  latestCodeFor(username: string): string | undefined {
    return this.list().find((message) => message.username === username)?.code
  }
}
