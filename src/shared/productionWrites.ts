/**
 * The contract's operations that change a pool (or start a job that will). On a profile marked
 * production, main refuses each of them unless the operator confirmed that very operation on that pool
 * moments before; the window asks in one place (its api wrapper), the CLI asks with --yes-production.
 * A new writing operation must be added here, or it escapes the confirmation.
 */
import { z } from 'zod'

export const WRITE_OPERATIONS = [
  'register',
  'confirm',
  'resendCode',
  'adminConfirm',
  'setTier',
  'enableUser',
  'disableUser',
  'resetPassword',
  'resendInvite',
  'signOutEverywhere',
  'verifyEmail',
  'deleteUser',
  'addToGroup',
  'removeFromGroup',
  'bulkStart',
  'importStart',
  // Adds custom:user_tier to the pool's schema: changes no user, but it can never be undone.
  'applyDoctorFix'
] as const

export type WriteOperation = (typeof WRITE_OPERATIONS)[number]

const writes: ReadonlySet<string> = new Set(WRITE_OPERATIONS)

export function isWriteOperation(operation: string): operation is WriteOperation {
  return writes.has(operation)
}

export const confirmProductionWriteSchema = z
  .object({
    userPoolId: z.string().min(1).max(55),
    operation: z.enum(WRITE_OPERATIONS)
  })
  .strict()
