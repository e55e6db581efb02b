/**
 * A valid request for every operation of the contract, against the production test's sandbox pool: a
 * new operation fails to compile here until it has one.
 */
import type { Operation } from '../../../src/shared/contract'
import { profileSchemas } from '../../../src/shared/profiles'
import { SANDBOX_REGION } from '../../../src/main/sandbox/constants'

/** `register` is the test's own new user, so the rest of the test can register them for real. */
export function sampleRequests(userPoolId: string, endpoint: string, register: unknown): Record<Operation, unknown> {
  const bulkJob = 'bulk-20260101000000000-abcdef'
  const importJob = 'import-20260101000000000-abcdef'
  const user = { username: 'prod_jane' }
  return {
    getConnection: undefined,
    describePool: { refresh: true },
    checkConnection: undefined,
    runDoctor: undefined,
    applyDoctorFix: { fix: 'add-tier-attribute', acknowledgePermanent: true },
    restartSandbox: undefined,
    restoreSandbox: undefined,
    register,
    confirm: { ...user, code: '123456' },
    resendCode: user,
    adminConfirm: user,
    getUser: user,
    searchUsers: { query: 'prod', by: 'username' },
    setTier: { ...user, tier: 'premium' },
    enableUser: user,
    disableUser: user,
    resetPassword: user,
    resendInvite: user,
    signOutEverywhere: user,
    verifyEmail: user,
    deleteUser: { ...user, confirmUsername: 'prod_jane' },
    userGroups: user,
    addToGroup: { ...user, group: 'staff' },
    removeFromGroup: { ...user, group: 'staff' },
    userHistory: user,
    findUsers: { query: 'prod_jane' },
    setAttributes: { ...user, attributes: { given_name: 'Jane' } },
    deleteAttributes: { ...user, names: ['given_name'] },
    setPassword: { ...user, permanent: true, password: 'Passw0rd!xyz' },
    resetMfa: user,
    listDevices: user,
    forgetDevice: { ...user, deviceKey: 'us-east-1_0f0e0d0c-0b0a-4999-8888-777766665555' },
    listSignInEvents: user,
    eventFeedback: { ...user, eventId: 'event-1', feedback: 'Valid' },
    unlinkIdentity: { ...user, providerName: 'Google', providerUserId: '1234567890' },
    getOutbox: undefined,
    getStats: undefined,
    startStats: undefined,
    pauseStats: undefined,
    cancelStats: undefined,
    listTierMembers: { bucket: 'premium' },
    statsCsv: { kind: 'figures' },
    auditQuery: {},
    auditExport: {},
    bulkPreview: { rows: [{ username: 'prod_jane', tier: 'premium' }] },
    bulkCancelPreview: undefined,
    bulkStart: { jobId: bulkJob },
    bulkPause: { jobId: bulkJob },
    bulkCancel: { jobId: bulkJob },
    bulkJob: { jobId: bulkJob },
    bulkJobs: undefined,
    bulkResultsCsv: { jobId: bulkJob },
    importPreview: undefined,
    importCancelPreview: undefined,
    importStart: { jobId: importJob, method: 'signup' },
    importPause: { jobId: importJob },
    importCancel: { jobId: importJob },
    importJob: { jobId: importJob },
    importJobs: undefined,
    importResultsCsv: { jobId: importJob },
    startExport: { format: 'csv' },
    cancelExport: undefined,
    exportStatus: undefined,
    listProfiles: undefined,
    saveProfile: profileSchemas.save.parse({ name: 'Spare', region: SANDBOX_REGION, userPoolId, clientId: 'c', endpoint, emulator: true }),
    deleteProfile: { id: 'spare' },
    switchProfile: { id: 'prod-sim' },
    listAwsProfiles: undefined,
    unmarkProduction: { region: SANDBOX_REGION, userPoolId, typedPoolId: 'us-east-1_NotTyped' },
    confirmProductionWrite: { userPoolId, operation: 'enableUser' }
  }
}
