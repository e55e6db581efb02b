/** Check 3: the app client exists, its auth flows, whether it has a secret, and whether ours is right. */
import { randomUUID } from 'node:crypto'
import {
  ConfirmSignUpCommand,
  DescribeUserPoolClientCommand,
  type DescribeUserPoolClientCommandOutput,
  type UserPoolClientType
} from '@aws-sdk/client-cognito-identity-provider'
import type { DoctorCheck } from '../../shared/doctor'
import { nameOf } from '../cognito/retryPolicy'
import { secretHashField } from '../cognito/secretHash'
import { isAccessDenied, type DoctorTarget } from './target'

/** A username no pool holds: probes about it can find no one to change. */
export const probeUsername = (): string => `tier-admin-doctor-probe-${randomUUID()}`

export async function checkClient(target: DoctorTarget): Promise<{ checks: DoctorCheck[]; client?: UserPoolClientType }> {
  const base = { id: 'client', title: `App client ${target.clientId} exists` }
  let client: UserPoolClientType
  try {
    const output = await target.probe<DescribeUserPoolClientCommandOutput>(
      new DescribeUserPoolClientCommand({ UserPoolId: target.userPoolId, ClientId: target.clientId })
    )
    client = output.UserPoolClient ?? {}
  } catch (error) {
    if (nameOf(error) === 'ResourceNotFoundException') {
      const fix = 'Set COGNITO_CLIENT_ID to an app client of this pool (Cognito console: User pool → App integration → App clients).'
      return { checks: [{ ...base, status: 'fail', detail: `The pool has no app client ${target.clientId}.`, fix }] }
    }
    // The app itself never describes its client, so a missing right here is only a gap in what the doctor can see.
    const fix = isAccessDenied(error) ? 'Allow cognito-idp:DescribeUserPoolClient so the doctor can check the client.' : undefined
    return { checks: [{ ...base, status: 'warn', detail: `The client could not be described (${nameOf(error)}).`, fix }] }
  }
  return {
    checks: [{ ...base, status: 'pass', detail: `Found "${client.ClientName ?? target.clientId}".` }, flowsCheck(client), secretPresenceCheck(target, client)],
    client
  }
}

/**
 * The app signs nobody in: SignUp, ConfirmSignUp and ResendConfirmationCode are open to any app client
 * whatever its ExplicitAuthFlows, and every other operation is an Admin… call signed with AWS
 * credentials. So no flow is required; the check lists them so the operator sees what the client allows.
 */
function flowsCheck(client: UserPoolClientType): DoctorCheck {
  const flows = client.ExplicitAuthFlows?.length ? client.ExplicitAuthFlows.join(', ') : 'none listed (Cognito then allows SRP and refresh tokens)'
  return {
    id: 'client-flows',
    title: 'App client allows what the app uses',
    status: 'pass',
    detail: `Registration and confirmation need no auth flow; the client allows ${flows}.`
  }
}

function secretPresenceCheck(target: DoctorTarget, client: UserPoolClientType): DoctorCheck {
  const base = { id: 'client-secret-set', title: 'Client secret is configured exactly when the client has one' }
  const hasSecret = Boolean(client.ClientSecret)
  const configured = Boolean(target.clientSecret)
  if (hasSecret === configured)
    return {
      ...base,
      status: 'pass',
      detail: hasSecret ? 'The client has a secret, and one is configured.' : 'The client has no secret, and none is configured.'
    }
  if (hasSecret) {
    const fix = 'Set COGNITO_CLIENT_SECRET to the client secret (Cognito console: App client → Client secret → Show).'
    return { ...base, status: 'fail', detail: 'The client has a secret, but none is configured: registration and confirmation are refused.', fix }
  }
  const fix = 'Remove COGNITO_CLIENT_SECRET, or point COGNITO_CLIENT_ID at the client that has this secret.'
  return { ...base, status: 'fail', detail: 'A client secret is configured, but the client has none: Cognito refuses its SECRET_HASH.', fix }
}

/**
 * Whether Cognito accepts our SECRET_HASH. The probe is ConfirmSignUp for a random username that no
 * pool holds, with the code 000000: Cognito verifies the SECRET_HASH before it looks for the user, so
 * "Unable to verify secret hash" means a wrong secret and any answer about the user (no such user, a
 * code mismatch) means a right one. Unlike ForgotPassword or ResendConfirmationCode it sends no message
 * even if the user existed, it needs no auth flow, and the app sends it anyway, so the client allows it.
 */
export async function checkSecret(target: DoctorTarget): Promise<DoctorCheck> {
  const base = { id: 'client-secret', title: 'Configured client secret is right' }
  if (target.mode === 'sandbox') return { ...base, status: 'skipped', detail: 'Skipped (sandbox): the emulator does not check SECRET_HASH.' }
  const username = probeUsername()
  try {
    await target.probe(
      new ConfirmSignUpCommand({
        ClientId: target.clientId,
        Username: username,
        ConfirmationCode: '000000',
        ...secretHashField(username, target.clientId, target.clientSecret)
      })
    )
    return { ...base, status: 'pass', detail: 'Cognito accepted the request.' }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/unable to verify secret hash/i.test(message)) {
      const fix = "Copy the client's secret again into COGNITO_CLIENT_SECRET (Cognito console: App client → Client secret → Show)."
      return { ...base, status: 'fail', detail: 'Cognito could not verify the SECRET_HASH made with the configured secret: the secret is wrong.', fix }
    }
    if (/configured with secret but SECRET_HASH was not received/i.test(message)) {
      return { ...base, status: 'fail', detail: 'The client has a secret, but none is configured.', fix: 'Set COGNITO_CLIENT_SECRET to the client secret.' }
    }
    if (['UserNotFoundException', 'CodeMismatchException', 'ExpiredCodeException', 'NotAuthorizedException'].includes(nameOf(error))) {
      const what = target.clientSecret ? 'accepted the SECRET_HASH' : 'asked for no secret'
      return { ...base, status: 'pass', detail: `Cognito ${what} and answered about the (nonexistent) probe user: ${nameOf(error)}.` }
    }
    return {
      ...base,
      status: 'warn',
      detail: `The probe got an unexpected answer (${nameOf(error)}: ${message}).`,
      fix: 'Run the doctor again; if it persists, try a registration on a test user.'
    }
  }
}
