/**
 * A user's sign-in events, which Cognito records only where threat protection is on
 * (AdminListUserAuthEvents, newest first, paged). Where the pool records none, that is an answer, not an error.
 */
import { AdminListUserAuthEventsCommand, type AdminListUserAuthEventsCommandOutput, type AuthEventType } from '@aws-sdk/client-cognito-identity-provider'
import { RECENT_FAILURE_MS } from '../../shared/signInVerdict'
import type { SignInEvent, SignInEventsPage } from '../../shared/support'
import type { CognitoGateway } from '../cognito/gateway'
import { nameOf } from '../cognito/retryPolicy'

/** AdminListUserAuthEvents' largest page. */
const EVENTS_PAGE_SIZE = 60

/** What Cognito answers where the pool has no threat protection (its API reference lists it for both event operations). */
export const NOT_RECORDED = 'UserPoolAddOnNotEnabledException'

export const NOT_RECORDED_WHY =
  'This pool does not record sign-in events: threat protection (advanced security) is off. An administrator turns it on in the Cognito console under the user pool\'s Threat protection, in "Audit only" or "Full function" mode (it needs the Plus feature plan); events are recorded from then on.'

export async function listSignInEvents(gateway: CognitoGateway, username: string, nextToken?: string): Promise<SignInEventsPage> {
  let output: AdminListUserAuthEventsCommandOutput
  try {
    output = await gateway.send<AdminListUserAuthEventsCommandOutput>(
      new AdminListUserAuthEventsCommand({
        UserPoolId: gateway.userPoolId,
        Username: username,
        MaxResults: EVENTS_PAGE_SIZE,
        ...(nextToken ? { NextToken: nextToken } : {})
      })
    )
  } catch (error) {
    if (nameOf(error) === NOT_RECORDED) return { recorded: false, why: NOT_RECORDED_WHY }
    throw error
  }
  return { recorded: true, events: (output.AuthEvents ?? []).map(toSignInEvent), ...(output.NextToken ? { nextToken: output.NextToken } : {}) }
}

function toSignInEvent(event: AuthEventType): SignInEvent {
  const where = event.EventContextData
  const feedback = event.EventFeedback?.FeedbackValue
  return {
    id: event.EventId ?? '',
    at: event.CreationDate ? new Date(event.CreationDate).toISOString() : '',
    type: event.EventType ?? 'Unknown',
    outcome: event.EventResponse ?? 'Unknown',
    risk: {
      decision: event.EventRisk?.RiskDecision ?? null,
      level: event.EventRisk?.RiskLevel ?? null,
      compromisedCredentials: event.EventRisk?.CompromisedCredentialsDetected === true
    },
    where: { ip: where?.IpAddress ?? null, city: where?.City ?? null, country: where?.Country ?? null, device: where?.DeviceName ?? null },
    challenges: (event.ChallengeResponses ?? []).map((challenge) => `${challenge.ChallengeName ?? 'Challenge'}: ${challenge.ChallengeResponse ?? 'unknown'}`),
    feedback: feedback === 'Valid' || feedback === 'Invalid' ? feedback : null
  }
}

/** A sign-in threat protection failed or blocked. */
const failed = (event: SignInEvent): boolean => event.type === 'SignIn' && (event.outcome === 'Fail' || event.risk.decision === 'Block')

/**
 * Failed or blocked sign-ins of the last day, for the verdict; undefined where the pool records none
 * or they could not be read (the verdict is then given without them rather than not at all).
 */
export async function recentFailures(gateway: CognitoGateway, username: string, now: Date): Promise<number | undefined> {
  try {
    const page = await listSignInEvents(gateway, username)
    if (!page.recorded) return undefined
    const since = now.getTime() - RECENT_FAILURE_MS
    return page.events.filter((event) => Date.parse(event.at) >= since && failed(event)).length
  } catch {
    return undefined
  }
}
