/** Check 3: the app client exists, and which auth flows it allows. */
import { randomUUID } from 'node:crypto'
import { DescribeUserPoolClientCommand, type DescribeUserPoolClientCommandOutput, type UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider'
import type { DoctorCheck } from '../../shared/doctor'
import { nameOf } from '../cognito/retryPolicy'
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
    checks: [{ ...base, status: 'pass', detail: `Found "${client.ClientName ?? target.clientId}".` }, flowsCheck(client)],
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
