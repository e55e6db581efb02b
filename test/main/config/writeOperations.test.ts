/**
 * Every channel of the contract is either a write (confirmed first on a production profile) or known
 * not to change a pool: a channel added later fails here until someone decides which it is, so no
 * new write can slip past the production confirmation unnoticed.
 */
import { expect, it } from 'vitest'
import { operations } from '../../../src/shared/contract'
import { WRITE_OPERATIONS } from '../../../src/shared/contract'

/** Channels that change no pool: reads, local files, the app's own state, and pausing or stopping a job. */
const NOT_WRITES = [
  'getConnection',
  'describePool',
  'checkConnection',
  'runDoctor',
  'restartSandbox',
  'restoreSandbox',
  'getUser',
  'searchUsers',
  'userGroups',
  'userHistory',
  'getOutbox',
  'getStats',
  'startStats',
  'pauseStats',
  'cancelStats',
  'listTierMembers',
  'statsCsv',
  'auditQuery',
  'auditExport',
  'bulkPreview',
  'bulkCancelPreview',
  'bulkPause',
  'bulkCancel',
  'bulkJob',
  'bulkJobs',
  'bulkResultsCsv',
  'importPreview',
  'importCancelPreview',
  'importPause',
  'importCancel',
  'importJob',
  'importJobs',
  'importResultsCsv',
  'startExport',
  'cancelExport',
  'exportStatus',
  'listProfiles',
  'saveProfile',
  'deleteProfile',
  'switchProfile',
  'listAwsProfiles',
  'confirmProductionWrite'
]

it('classifies every channel as a write or not', () => {
  const writes = new Set<string>(WRITE_OPERATIONS)
  const unclassified = operations.filter((operation) => !writes.has(operation) && !NOT_WRITES.includes(operation))
  expect(unclassified, 'new channels: add each to WRITE_OPERATIONS (src/shared/productionWrites.ts) or to NOT_WRITES here').toEqual([])
  expect(NOT_WRITES.filter((operation) => writes.has(operation))).toEqual([])
  const known = (operation: string) => (operations as readonly string[]).includes(operation)
  expect([...writes, ...NOT_WRITES].filter((operation) => !known(operation))).toEqual([])
})
