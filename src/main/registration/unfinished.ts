/**
 * Registrations cut between SignUp and the tier (a crash, an outage, a refused tier write): their
 * one audit intent (signUpWithTier.ts) has no result, or a result whose steps stop after SignUp. The
 * trail says which user and which tier; Cognito says whether that user is still there without a tier
 * and was created after the intent (not someone who held the name before). Found at start, at the
 * next registration and when a user is read, and finished with the tier set as an administrator,
 * audited like every write, after which the original intent gets its result.
 */
import { AdminGetUserCommand, AdminUpdateUserAttributesCommand, type AdminGetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider'
import type { UnfinishedRegistration, UserDetail } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { isTier, TIER_ATTRIBUTE, type Tier } from '../../shared/tiers'
import type { AuditEntry, ReadableAuditLog } from '../audit/auditLog'
import type { Connection } from '../cognito/connection'
import { nameOf } from '../cognito/gateway'
import { REGISTRATION_STEPS } from './signUpWithTier'

/** Cognito's clock and this computer's may differ a little: a user created this long before the intent still counts. */
const CLOCK_SLACK_MS = 5 * 60_000

interface Candidate {
  intent: AuditEntry
  username: string
  tier: Tier
}

/** The two-step registrations of this pool that the trail does not show finished, newest per username. */
export async function cutRegistrations(audit: Pick<ReadableAuditLog, 'stream'>, userPoolId: string): Promise<Candidate[]> {
  const intents = new Map<string, AuditEntry>()
  const finished = new Set<string>()
  for await (const entry of audit.stream()) {
    if (entry.userPoolId !== userPoolId || entry.operation !== 'SignUp' || !entry.steps) continue
    if (entry.phase === 'intent') intents.set(entry.id, entry)
    else if (entry.outcome === 'ok' || !entry.stepsDone?.includes('SignUp')) {
      // Done, or cut before SignUp took effect: nothing to finish. (A crash leaves no result at all.)
      if (entry.outcome !== 'unknown') finished.add(entry.id)
    } else finished.delete(entry.id)
  }
  const newest = new Map<string, Candidate>()
  for (const intent of intents.values()) {
    const tier = intent.changes?.[TIER_ATTRIBUTE]
    if (finished.has(intent.id) || !intent.username || !isTier(tier)) continue
    const known = newest.get(intent.username)
    if (!known || known.intent.at < intent.at) newest.set(intent.username, { intent, username: intent.username, tier })
  }
  return [...newest.values()]
}

/** Whether Cognito's user is the one the cut registration made, still without a tier. */
function stillCut(candidate: Candidate, user: AdminGetUserCommandOutput): boolean {
  const hasTier = user.UserAttributes?.some((a) => a.Name === TIER_ATTRIBUTE && a.Value) === true
  return !hasTier && createdSince(candidate, user.UserCreateDate)
}

const createdSince = (candidate: Candidate, created: Date | string | null | undefined): boolean =>
  (created ? new Date(created).getTime() : 0) >= new Date(candidate.intent.at).getTime() - CLOCK_SLACK_MS

async function readUser(connection: Connection, username: string): Promise<AdminGetUserCommandOutput | null> {
  try {
    return await connection.gateway.send<AdminGetUserCommandOutput>(new AdminGetUserCommand({ UserPoolId: connection.gateway.userPoolId, Username: username }))
  } catch (error) {
    if (nameOf(error) === 'UserNotFoundException') return null
    throw error
  }
}

/** Every registration still to finish, each checked with Cognito. */
export async function findUnfinished(connection: Connection): Promise<UnfinishedRegistration[]> {
  const found: UnfinishedRegistration[] = []
  for (const candidate of await cutRegistrations(connection.audit, connection.gateway.userPoolId)) {
    const user = await readUser(connection, candidate.username)
    if (user && stillCut(candidate, user)) found.push({ username: candidate.username, tier: candidate.tier, startedAt: candidate.intent.at })
  }
  return found
}

/** The user's page: a user without a tier whose registration was cut shows as "no tier — registration not finished". */
export async function markUnfinished(connection: Connection, user: UserDetail): Promise<UserDetail> {
  if (user.tier.kind !== 'none') return user
  const candidate = (await cutRegistrations(connection.audit, connection.gateway.userPoolId)).find((c) => c.username === user.username)
  return candidate && createdSince(candidate, user.createdAt) ? { ...user, tier: { kind: 'unfinished', tier: candidate.tier } } : user
}

/** Sets the tier the registration meant, audited; then the registration's own intent gets its result. */
export async function finishRegistration(connection: Connection, username: string): Promise<UnfinishedRegistration> {
  const candidate = (await cutRegistrations(connection.audit, connection.gateway.userPoolId)).find((c) => c.username === username)
  const user = candidate ? await readUser(connection, username) : null
  if (!candidate || !user || !stillCut(candidate, user)) {
    throw new AppError('VALIDATION', `${username} has no unfinished registration: the user has a tier, or was not registered by this app. Nothing was changed.`)
  }
  await connection.gateway.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: connection.gateway.userPoolId,
      Username: username,
      UserAttributes: [{ Name: TIER_ATTRIBUTE, Value: candidate.tier }]
    }),
    { previous: { [TIER_ATTRIBUTE]: '' } }
  )
  await connection.gateway.finishIntent(candidate.intent, 'ok', { stepsDone: REGISTRATION_STEPS })
  return { username, tier: candidate.tier, startedAt: candidate.intent.at }
}
