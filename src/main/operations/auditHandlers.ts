/** The Audit screen's operations: a page of the trail's writes, and the matching writes saved as CSV. */
import type { Operation } from '../../shared/contract'
import { exportAuditCsv, queryAudit } from '../audit/auditQuery'
import { chooseSaveFile } from './frontEnd'
import type { HandlersOf, OperationContext } from './handler'

export function auditHandlers({ app, frontEnd, savedFiles }: OperationContext): HandlersOf<Extract<Operation, 'auditQuery' | 'auditExport'>> {
  const audit = () => app.services().connection.audit
  return {
    auditQuery: async (request) => queryAudit(audit(), request),
    auditExport: async ({ limit, ...filter }) => {
      const trail = audit()
      const target = await chooseSaveFile(frontEnd, { suggestedName: `tier-admin-audit-${new Date().toISOString().slice(0, 10)}.csv`, format: 'csv' })
      return target ? savedFiles.saved(target, (await exportAuditCsv(trail, filter, target, limit)).rows) : null
    }
  }
}
