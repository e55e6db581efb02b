/**
 * Check 5: may the credentials call each Cognito action the app uses? Each action is tried with a
 * request that cannot change anything: reads as they are, and writes for a random username no pool
 * holds. IAM decides before Cognito looks for the user, so AccessDeniedException means the action is
 * not allowed, and "no such user" (or no such group) means it is.
 */
import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableProviderForUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminForgetDeviceCommand,
  AdminGetUserCommand,
  AdminListDevicesCommand,
  AdminListGroupsForUserCommand,
  AdminListUserAuthEventsCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateAuthEventFeedbackCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  GetUserPoolMfaConfigCommand,
  ListGroupsCommand,
  ListUsersCommand
} from '@aws-sdk/client-cognito-identity-provider'
import type { DoctorCheck } from '../../shared/doctor'
import { nameOf } from '../cognito/retryPolicy'
import { probeUsername } from './clientChecks'
import { isAccessDenied, isCredentialError, type AnyCommand, type DoctorTarget } from './target'

/**
 * Answers that come after the authorization check and say nothing was found to change (or, for the
 * sign-in event actions, that the pool records no events: also after IAM said yes).
 */
const AUTHORIZED_ANSWERS = new Set(['UserNotFoundException', 'ResourceNotFoundException', 'UserPoolAddOnNotEnabledException'])
const PROBE_GROUP = 'tier-admin-doctor-probe'
/** A device key of Cognito's shape that no device has. */
const PROBE_DEVICE = 'us-east-1_00000000-0000-4000-8000-000000000000'
/** Meets any password policy a pool can have, so the probe is not refused for its password before the user is looked for. */
const PROBE_PASSWORD = 'Aa1!'.repeat(25)

interface Probe {
  action: string
  command: (pool: string, username: string) => AnyCommand
}

/** DescribeUserPool is not here: the pool check already sent it. */
export const PROBES: Probe[] = [
  { action: 'ListUsers', command: (pool, username) => new ListUsersCommand({ UserPoolId: pool, Limit: 1, Filter: `username = "${username}"` }) },
  { action: 'AdminGetUser', command: (pool, username) => new AdminGetUserCommand({ UserPoolId: pool, Username: username }) },
  {
    action: 'AdminUpdateUserAttributes',
    // A standard attribute every pool has, so a pool still lacking custom:user_tier gets "no such user", not "no such attribute".
    command: (pool, username) =>
      new AdminUpdateUserAttributesCommand({ UserPoolId: pool, Username: username, UserAttributes: [{ Name: 'locale', Value: 'en' }] })
  },
  // RESEND re-sends the invitation of an existing user and never creates one: for a nonexistent user it is refused.
  { action: 'AdminCreateUser', command: (pool, username) => new AdminCreateUserCommand({ UserPoolId: pool, Username: username, MessageAction: 'RESEND' }) },
  { action: 'AdminConfirmSignUp', command: (pool, username) => new AdminConfirmSignUpCommand({ UserPoolId: pool, Username: username }) },
  { action: 'AdminEnableUser', command: (pool, username) => new AdminEnableUserCommand({ UserPoolId: pool, Username: username }) },
  { action: 'AdminDisableUser', command: (pool, username) => new AdminDisableUserCommand({ UserPoolId: pool, Username: username }) },
  { action: 'AdminResetUserPassword', command: (pool, username) => new AdminResetUserPasswordCommand({ UserPoolId: pool, Username: username }) },
  { action: 'AdminUserGlobalSignOut', command: (pool, username) => new AdminUserGlobalSignOutCommand({ UserPoolId: pool, Username: username }) },
  { action: 'AdminDeleteUser', command: (pool, username) => new AdminDeleteUserCommand({ UserPoolId: pool, Username: username }) },
  {
    action: 'AdminAddUserToGroup',
    command: (pool, username) => new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: username, GroupName: PROBE_GROUP })
  },
  {
    action: 'AdminRemoveUserFromGroup',
    command: (pool, username) => new AdminRemoveUserFromGroupCommand({ UserPoolId: pool, Username: username, GroupName: PROBE_GROUP })
  },
  { action: 'AdminListGroupsForUser', command: (pool, username) => new AdminListGroupsForUserCommand({ UserPoolId: pool, Username: username }) },
  { action: 'ListGroups', command: (pool) => new ListGroupsCommand({ UserPoolId: pool, Limit: 1 }) },
  // The support desk's actions.
  { action: 'GetUserPoolMfaConfig', command: (pool) => new GetUserPoolMfaConfigCommand({ UserPoolId: pool }) },
  {
    action: 'AdminSetUserPassword',
    command: (pool, username) => new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: username, Password: PROBE_PASSWORD, Permanent: false })
  },
  {
    action: 'AdminDeleteUserAttributes',
    command: (pool, username) => new AdminDeleteUserAttributesCommand({ UserPoolId: pool, Username: username, UserAttributeNames: ['locale'] })
  },
  {
    action: 'AdminSetUserMFAPreference',
    command: (pool, username) => new AdminSetUserMFAPreferenceCommand({ UserPoolId: pool, Username: username, SoftwareTokenMfaSettings: { Enabled: false } })
  },
  { action: 'AdminListDevices', command: (pool, username) => new AdminListDevicesCommand({ UserPoolId: pool, Username: username, Limit: 1 }) },
  {
    action: 'AdminForgetDevice',
    command: (pool, username) => new AdminForgetDeviceCommand({ UserPoolId: pool, Username: username, DeviceKey: PROBE_DEVICE })
  },
  {
    action: 'AdminListUserAuthEvents',
    command: (pool, username) => new AdminListUserAuthEventsCommand({ UserPoolId: pool, Username: username, MaxResults: 1 })
  },
  {
    action: 'AdminUpdateAuthEventFeedback',
    command: (pool, username) =>
      new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: pool, Username: username, EventId: 'tier-admin-doctor-probe', FeedbackValue: 'Valid' })
  },
  {
    action: 'AdminDisableProviderForUser',
    // The random probe username as a local user's subject: no user has it, so nothing is disabled.
    command: (pool, username) =>
      new AdminDisableProviderForUserCommand({
        UserPoolId: pool,
        User: { ProviderName: 'Cognito', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: username }
      })
  }
]

const titleOf = (action: string) => `May call cognito-idp:${action}`

/**
 * Only against Cognito itself. The sandbox has no IAM; a custom endpoint may be an emulator, which
 * does not promise to refuse a RESEND for a user it lacks (cognito-local would create the user).
 */
export async function checkPermissions(target: DoctorTarget): Promise<DoctorCheck[]> {
  if (target.mode !== 'aws') {
    const why =
      target.mode === 'sandbox'
        ? 'Skipped (sandbox): the local emulator has no IAM.'
        : 'Skipped (custom endpoint): probes are only known harmless on Cognito itself.'
    return PROBES.map(({ action }) => ({ id: `iam:${action}`, title: titleOf(action), status: 'skipped', detail: why }))
  }
  const username = probeUsername()
  const checks: DoctorCheck[] = []
  // One at a time: two dozen requests, each waiting for its quota category, is quick enough and kind to shared quotas.
  for (const probe of PROBES) checks.push(await runProbe(target, probe, username))
  return checks
}

async function runProbe(target: DoctorTarget, probe: Probe, username: string): Promise<DoctorCheck> {
  const base = { id: `iam:${probe.action}`, title: titleOf(probe.action) }
  try {
    await target.probe(probe.command(target.userPoolId, username))
    return { ...base, status: 'pass', detail: 'Allowed.' }
  } catch (error) {
    const name = nameOf(error)
    if (isAccessDenied(error)) {
      return {
        ...base,
        status: 'fail',
        detail: `Denied (${name}).`,
        fix: `Add the IAM action cognito-idp:${probe.action} on this pool to the credentials' policy.`
      }
    }
    if (AUTHORIZED_ANSWERS.has(name)) return { ...base, status: 'pass', detail: `Allowed (the probe user does not exist: ${name}).` }
    if (isCredentialError(error)) return { ...base, status: 'skipped', detail: `Skipped: the credentials were refused (${name}).` }
    return { ...base, status: 'warn', detail: `Could not tell (${name}).`, fix: 'Run the doctor again.' }
  }
}
