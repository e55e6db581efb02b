/**
 * A seeded sandbox with the row-job services on it (bulk tier changes and imports), and the audit
 * trail counted per user: the evidence that no write was sent twice.
 */
import { join } from 'node:path'
import { createBulkTierService, type BulkTierService } from '../../src/main/bulk/bulkService'
import { openConnection, type Connection } from '../../src/main/cognito/connection'
import { createImportService, type ImportService } from '../../src/main/import/importService'
import type { JobUpdates } from '../../src/main/jobs/jobUpdates'
import { readJsonLines } from '../../src/main/storage/jsonLines'
import { createSeededSandbox } from './seededSandbox'
import { serviceDeps } from './serviceDeps'

export interface BulkSandbox {
  connection: Connection
  /** Where the services' jobs publish their progress. */
  jobUpdates: JobUpdates
  bulk: BulkTierService
  imports: ImportService
  dataDir: string
  close: () => Promise<void>
}

/** Opens the sandbox in `dataDir` (seeded with `seed` users first when given) and the bulk service on it. */
export async function openBulkSandbox(dataDir: string, seed?: number, processLabel = 'the test'): Promise<BulkSandbox> {
  if (seed) await createSeededSandbox(dataDir, seed)
  const connection = await openConnection({ pool: { kind: 'sandbox' }, dataDir, listUsersRate: 30 }, { processLabel })
  const deps = serviceDeps({ connection, dataDir, processLabel })
  const bulk = createBulkTierService(deps)
  const imports = createImportService(deps)
  return {
    connection,
    jobUpdates: deps.jobUpdates,
    bulk,
    imports,
    dataDir,
    close: async () => {
      await Promise.all([bulk.dispose(), imports.dispose()])
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

/** Per user: tier writes (or another operation's) sent and answered ok (`ok`), and intents sent (`intents`). */
export function tierWritesByUser(dataDir: string, operation = 'AdminUpdateUserAttributes'): Map<string, { ok: number; intents: number }> {
  const counts = new Map<string, { ok: number; intents: number }>()
  for (const line of readJsonLines(join(dataDir, 'audit.jsonl'), isAuditLine).entries) {
    if (line.operation !== operation || !line.username) continue
    const entry = counts.get(line.username) ?? { ok: 0, intents: 0 }
    if (line.phase === 'intent') entry.intents++
    else if (line.outcome === 'ok') entry.ok++
    counts.set(line.username, entry)
  }
  return counts
}

export const seedName = (i: number): string => `seed_${String(i).padStart(5, '0')}`
