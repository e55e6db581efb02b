import type { Operation, ParsedRequestOf, ResultOf } from '../../shared/contract'
import type { AppContext, AppServices } from '../appContext'
import { exportAuditCsv, queryAudit } from '../audit/auditQuery'
import { createProfileHandlers } from '../config/profileHandlers'
import { guardProductionWrites } from '../config/productionGate'
import { applyDoctorFix, runPoolDoctor } from '../doctor'
import { deleteUser, disableUser, enableUser, resendInvite, resetPassword, signOutEverywhere, verifyEmail } from '../services/accountActions'
import { adminConfirm, confirmWithCode, resendCode } from '../services/confirmation'
import { addToGroup, removeFromGroup, userGroups } from '../services/groups'
import { userHistory } from '../services/history'
import { registerUser } from '../services/registration'
import { getUser, searchUsers, setTier } from '../services/users'

export type Handler<K extends Operation> = (request: ParsedRequestOf<K>) => Promise<ResultOf<K>>
/** One handler per contract operation; a missing one is a compile error. */
export type Handlers = { [K in Operation]: Handler<K> }

export function createHandlers(app: AppContext): Handlers {
  const services = () => app.services()
  const gateway = () => services().connection.gateway
  // Every write goes through the production gate, for the window and the CLI alike (productionGate.ts).
  return guardProductionWrites(
    {
      ...createProfileHandlers(app),
      ...operationHandlers(app, services, gateway)
    },
    () => app.productionGate
  )
}

function operationHandlers(app: AppContext, services: () => AppServices, gateway: () => AppServices['connection']['gateway']) {
  return {
    getConnection: async () => app.status,
    describePool: async (request) => services().schema.describe({ refresh: request?.refresh }),
    checkConnection: async () => app.health(),
    runDoctor: async () => runPoolDoctor(services()),
    applyDoctorFix: async (request) => applyDoctorFix(services(), request),
    restartSandbox: async () => app.restartSandbox(),
    restoreSandbox: async () => app.restoreSandbox(),
    register: async (request) => registerUser(services().connection, services().schema, request),
    confirm: async ({ username, code }) => confirmWithCode(services().connection, username, code),
    resendCode: async ({ username }) => resendCode(services().connection, username),
    adminConfirm: async ({ username }) => adminConfirm(services().connection, username),
    getUser: async ({ username }) => getUser(services().connection.gateway, username),
    searchUsers: async (request) => searchUsers(services().connection.gateway, request),
    setTier: async (request) => setTier(services().connection.gateway, services().schema, request),
    enableUser: async ({ username }) => enableUser(gateway(), username),
    disableUser: async ({ username }) => disableUser(gateway(), username),
    resetPassword: async ({ username }) => resetPassword(gateway(), username),
    resendInvite: async ({ username }) => resendInvite(gateway(), username),
    signOutEverywhere: async ({ username }) => signOutEverywhere(gateway(), username),
    verifyEmail: async ({ username }) => verifyEmail(gateway(), username),
    deleteUser: async ({ username, confirmUsername }) => deleteUser(gateway(), username, confirmUsername),
    userGroups: async ({ username }) => userGroups(gateway(), username),
    addToGroup: async ({ username, group }) => addToGroup(gateway(), username, group),
    removeFromGroup: async ({ username, group }) => removeFromGroup(gateway(), username, group),
    userHistory: async ({ username }) => ({ entries: await userHistory(services().connection.audit, gateway().userPoolId, username) }),
    getOutbox: async () => {
      const sandbox = services().connection.sandbox
      return sandbox ? { available: true, messages: sandbox.outbox.list() } : { available: false, messages: [] }
    },
    getStats: async () => services().stats.snapshot(),
    startStats: async () => services().stats.start(),
    pauseStats: async () => services().stats.pause(),
    cancelStats: async () => services().stats.cancel(),
    listTierMembers: async ({ bucket, offset, limit }) => services().stats.tierMembers(bucket, offset, limit),
    statsCsv: async (request) => {
      const path = await app.chooseSaveFile({ suggestedName: await services().stats.csvName(request), format: 'csv' })
      return path ? services().stats.writeCsv(request, path) : null
    },
    auditQuery: async (request) => queryAudit(services().connection.audit, request),
    auditExport: async (filter) => {
      const path = await app.chooseSaveFile({ suggestedName: `tier-admin-audit-${new Date().toISOString().slice(0, 10)}.csv`, format: 'csv' })
      return path ? exportAuditCsv(services().connection.audit, filter, path) : null
    },
    bulkPreview: async (request) => services().bulk.preview(request),
    bulkCancelPreview: async () => ({ cancelled: services().bulk.cancelPreview() }),
    bulkStart: async ({ jobId, overwrite }) => services().bulk.start(jobId, { overwrite }),
    bulkPause: async ({ jobId }) => services().bulk.pause(jobId),
    bulkCancel: async ({ jobId }) => services().bulk.cancel(jobId),
    bulkJob: async ({ jobId }) => services().bulk.detail(jobId),
    bulkJobs: async () => services().bulk.list(),
    bulkResultsCsv: async ({ jobId }) => {
      const path = await app.chooseSaveFile({ suggestedName: `tier-changes-${jobId}.csv`, format: 'csv' })
      return path ? { path, rows: await services().bulk.writeResultsCsv(jobId, path) } : null
    },
    importPreview: async () => {
      const imports = services().imports
      const path = await app.chooseOpenFile()
      return path ? imports.preview({ path }) : null
    },
    importCancelPreview: async () => ({ cancelled: services().imports.cancelPreview() }),
    importStart: async ({ jobId, method, invitation }) => services().imports.start(jobId, { method, invitation }),
    importPause: async ({ jobId }) => services().imports.pause(jobId),
    importCancel: async ({ jobId }) => services().imports.cancel(jobId),
    importJob: async ({ jobId }) => services().imports.detail(jobId),
    importJobs: async () => services().imports.list(),
    importResultsCsv: async ({ jobId }) => {
      const imports = services().imports
      const path = await app.chooseSaveFile({ suggestedName: `import-results-${jobId}.csv`, format: 'csv' })
      return path ? { path, rows: await imports.writeResultsCsv(jobId, path) } : null
    },
    startExport: async ({ format }) => {
      services().export.assertIdle()
      const path = await app.chooseSaveFile({ suggestedName: `tier-admin-users-${new Date().toISOString().slice(0, 10)}.${format}`, format })
      return path ? services().export.start({ format, path }) : null
    },
    cancelExport: async () => services().export.cancel(),
    exportStatus: async () => services().export.status()
  } satisfies Omit<Handlers, keyof ReturnType<typeof createProfileHandlers>>
}
