/**
 * A seeded sandbox with the bulk tier service on it, and the audit trail counted per user: the
 * evidence that no tier write was sent twice.
 */
import { join } from 'node:path'
import { createBulkTierService, type BulkTierService } from '../../src/main/bulk/bulkService'
import { openConnection, type Connection } from '../../src/main/cognito/connection'
import { PoolSchemaService } from '../../src/main/services/poolSchema'
import { readJsonLines } from '../../src/main/storage/jsonLines'
import { createSeededSandbox } from './seededSandbox'

export interface BulkSandbox {
  connection: Connection
  bulk: BulkTierService
  dataDir: string
  close: () => Promise<void>
}

/** Opens the sandbox in `dataDir` (seeded with `seed` users first when given) and the bulk service on it. */
export async function openBulkSandbox(dataDir: string, seed?: number, processLabel = 'the test'): Promise<BulkSandbox> {
  if (seed) await createSeededSandbox(dataDir, seed)
  const connection = await openConnection({ pool: { kind: 'sandbox' }, dataDir, listUsersRate: 30 }, { processLabel })
  const bulk = createBulkTierService({
    gateway: connection.gateway,
    schema: new PoolSchemaService(connection.gateway),
    jobsDir: join(dataDir, 'jobs'),
    processLabel
  })
  return {
    connection,
    bulk,
    dataDir,
    close: async () => {
      await bulk.dispose()
      await connection.close()
    }
  }
}

interface AuditLine {
  phase: string
  operation: string
  username?: string
  outcome?: string
}
const isAuditLine = (value: unknown): value is AuditLine => typeof (value as AuditLine | null)?.operation === 'string'

/** Per user: tier writes sent and answered ok (`ok`), and intents never followed by a result (`orphans`). */
export function tierWritesByUser(dataDir: string): Map<string, { ok: number; intents: number }> {
  const counts = new Map<string, { ok: number; intents: number }>()
  for (const line of readJsonLines(join(dataDir, 'audit.jsonl'), isAuditLine).entries) {
    if (line.operation !== 'AdminUpdateUserAttributes' || !line.username) continue
    const entry = counts.get(line.username) ?? { ok: 0, intents: 0 }
    if (line.phase === 'intent') entry.intents++
    else if (line.outcome === 'ok') entry.ok++
    counts.set(line.username, entry)
  }
  return counts
}

export const seedName = (i: number): string => `seed_${String(i).padStart(5, '0')}`
