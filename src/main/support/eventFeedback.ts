/**
 * The operator's verdict on one sign-in event (AdminUpdateAuthEventFeedback): valid, or not the
 * user's own, which threat protection learns from.
 */
import { AdminUpdateAuthEventFeedbackCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { AccountActionResult } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ServiceDeps } from '../app/deps'
import { nameOf } from '../cognito/retryPolicy'
import { NOT_RECORDED, NOT_RECORDED_WHY } from './signInEvents'
import { readBackPage } from './userPage'

export interface EventFeedbackRequest {
  username: string
  eventId: string
  feedback: 'Valid' | 'Invalid'
}

export async function eventFeedback(deps: ServiceDeps, request: EventFeedbackRequest): Promise<AccountActionResult> {
  const { gateway } = deps
  try {
    await gateway.send(
      new AdminUpdateAuthEventFeedbackCommand({
        UserPoolId: gateway.userPoolId,
        Username: request.username,
        EventId: request.eventId,
        FeedbackValue: request.feedback
      })
    )
  } catch (error) {
    if (nameOf(error) === NOT_RECORDED) throw new AppError('USER_STATE', NOT_RECORDED_WHY)
    if (nameOf(error) === 'ResourceNotFoundException') {
      throw new AppError('VALIDATION', `${request.username} has no sign-in event ${request.eventId}. Reload their sign-in events and choose one of them.`, {
        eventId: 'No such sign-in event'
      })
    }
    throw error
  }
  const message =
    request.feedback === 'Valid'
      ? `The sign-in event is marked valid: threat protection learns that this sign-in was ${request.username}'s own.`
      : `The sign-in event is marked not valid: threat protection treats sign-ins like it as riskier. If someone else signed in, set a new password for ${request.username} and sign them out everywhere.`
  return { username: request.username, message, ...(await readBackPage(deps, request.username)) }
}
