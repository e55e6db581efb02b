/** EventBridge Scheduler's refusals in the operator's words; anything else keeps Cognito's mapping (network, credentials). */
import { AppError } from '../../shared/errors'
import { nameOf } from '../cognito/gateway'

export const isNotFound = (error: unknown): boolean => nameOf(error) === 'ResourceNotFoundException'
export const isConflict = (error: unknown): boolean => nameOf(error) === 'ConflictException'

/** The error to report for a failed Scheduler call made to `what` ("cancel the pending return"). */
export function schedulerError(error: unknown, what: string): unknown {
  const name = nameOf(error)
  const detail = error instanceof Error && error.message ? `: ${error.message}` : ''
  if (name === 'AccessDeniedException') {
    return new AppError(
      'ACCESS_DENIED',
      `EventBridge Scheduler refused to ${what}: the AWS credentials in use need the scheduler:GetSchedule, ListSchedules, CreateSchedule, UpdateSchedule, DeleteSchedule and CreateScheduleGroup permissions on the group, and iam:PassRole on the scheduler role. The pool doctor says what to grant.`
    )
  }
  if (name === 'ValidationException') return new AppError('INVALID_PARAMETER', `EventBridge Scheduler refused to ${what}${detail}`)
  if (name === 'ServiceQuotaExceededException') {
    return new AppError('LIMIT_EXCEEDED', `EventBridge Scheduler refused to ${what}: the account's schedule quota is reached${detail}`)
  }
  if (name === 'ThrottlingException')
    return new AppError('TOO_MANY_REQUESTS', `EventBridge Scheduler is throttling this account; could not ${what}. Wait a few seconds and try again.`)
  return error
}
