/**
 * Every AWS command this app sends (Cognito's, and EventBridge Scheduler's for tier returns), and what it is: the one table that the gateway (which writes
 * are audited ahead), the rate limiters (which quota a request counts against), the retry policy
 * (which writes may be resent after a lost answer) and the audit trail (how a write reads in the
 * history) all read. A command missing here is refused before it is sent, naming it, so a new
 * operation cannot slip past the audit trail or be paced against the wrong quota.
 *
 * Adding a Cognito operation: one row here, one entry in the contract (src/shared/contract.ts,
 * `write: true` when it changes the pool), one handler in src/main/operations.
 */
import { AppError } from '../../shared/errors'

/**
 * Cognito's request-rate quota categories (per account and region) with their default rates, as
 * AWS's "user pools API operation categories" table lists them; ListUsers' 30/s cannot be raised.
 * EventBridge Scheduler's quotas are per operation: its "quotas" page gives each schedule operation
 * (Create, Update, Delete, Get, ListSchedules) 50 requests a second in every region at its lowest (1,000
 * and more in the primary regions today) and the group operations 10. One limiter for the schedule
 * reads and one for the writes keeps their sum under the smallest of those, so a bulk change until a
 * date is paced by UserUpdate (25/s), not by its returns.
 */
export const QUOTA_DEFAULTS = {
  UserList: 30,
  UserRead: 120,
  UserCreation: 50,
  UserUpdate: 25,
  UserAuthentication: 120,
  UserAccountRecovery: 30,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserPoolRead: 15,
  UserPoolUpdate: 15,
  UserPoolResourceRead: 20,
  UserPoolClientRead: 15,
  UserPoolClientUpdate: 15,
  SchedulerRead: 50,
  SchedulerWrite: 50,
  SchedulerGroup: 10
} as const
export type QuotaCategory = keyof typeof QUOTA_DEFAULTS

export interface CommandFacts {
  /** The quota the request counts against. */
  quota: QuotaCategory
  /** Changes the pool (or sends a message): written to the audit trail before it is sent. */
  writes: boolean
  /**
   * May be sent again when its answer was lost. Reads may; a write may when a second delivery does
   * no harm. A repeated SignUp answers UsernameExists for the user the first one created, a repeated
   * resend or reset mails a second code, a repeated delete answers UserNotFound for the user it
   * deleted. (Throttling is retried for every command: Cognito refuses those before doing anything.)
   */
  repeatable: boolean
  /** How a write reads in a user's history and on the Audit screen when nothing more specific is said. */
  label?: string
  /** Cognito passes the request's ClientMetadata to the pool's Lambda triggers: the operator's reason goes there too. */
  clientMetadata?: true
  /** Sent to EventBridge Scheduler (client-scheduler) rather than Cognito. */
  scheduler?: true
}

const read = (quota: QuotaCategory): CommandFacts => ({ quota, writes: false, repeatable: true })
const write = (quota: QuotaCategory, label: string, repeatable = true): CommandFacts => ({ quota, writes: true, repeatable, label })
/** An EventBridge Scheduler command: paced and audited like Cognito's, sent with the scheduler client. */
const scheduler = (facts: CommandFacts): CommandFacts => ({ ...facts, scheduler: true })
/** A write whose request takes ClientMetadata. */
const withMetadata = (facts: CommandFacts): CommandFacts => ({ ...facts, clientMetadata: true })

/** Keyed by the SDK command's name without "Command" (the API operation's name, as the audit trail records it). */
export const COGNITO_COMMANDS = {
  ListUsers: read('UserList'),
  AdminGetUser: read('UserRead'),
  AdminListGroupsForUser: read('UserRead'),
  ListGroups: read('UserPoolResourceRead'),
  DescribeUserPool: read('UserPoolRead'),
  GetUserPoolMfaConfig: read('UserPoolRead'),
  ListUserPoolClients: read('UserPoolClientRead'),
  DescribeUserPoolClient: read('UserPoolClientRead'),
  SignUp: withMetadata(write('UserCreation', 'Registered', false)),
  AdminCreateUser: withMetadata(write('UserCreation', 'Invited', false)),
  ConfirmSignUp: withMetadata(write('UserAuthentication', 'Confirmed with a code', false)),
  ResendConfirmationCode: withMetadata(write('UserAuthentication', 'Confirmation code sent again', false)),
  AdminConfirmSignUp: withMetadata(write('UserUpdate', 'Confirmed without a code')),
  AdminUpdateUserAttributes: withMetadata(write('UserUpdate', 'Attributes changed')),
  AdminEnableUser: write('UserUpdate', 'Enabled'),
  AdminDisableUser: write('UserUpdate', 'Disabled'),
  AdminDeleteUser: write('UserUpdate', 'Deleted', false),
  AdminUserGlobalSignOut: write('UserUpdate', 'Signed out everywhere'),
  AdminAddUserToGroup: write('UserUpdate', 'Added to a group'),
  AdminRemoveUserFromGroup: write('UserUpdate', 'Removed from a group'),
  AdminResetUserPassword: withMetadata(write('UserAccountRecovery', 'Password reset', false)),
  AdminSetUserPassword: write('UserUpdate', 'Password set'),
  AdminDeleteUserAttributes: write('UserUpdate', 'Attributes removed'),
  AdminSetUserMFAPreference: write('UserUpdate', 'MFA settings changed'),
  AdminListDevices: read('UserResourceRead'),
  // A second delivery answers ResourceNotFound for the device the first one forgot.
  AdminForgetDevice: write('UserResourceUpdate', 'Device forgotten', false),
  AdminListUserAuthEvents: read('UserResourceRead'),
  AdminUpdateAuthEventFeedback: write('UserResourceUpdate', 'Sign-in event rated'),
  // A second delivery answers that no user has the link the first one removed.
  AdminDisableProviderForUser: write('UserUpdate', 'Identity unlinked', false),
  AddCustomAttributes: write('UserPoolUpdate', 'Attribute added to the pool', false),
  // Sent with every setting of the client, so a second delivery sets the same again.
  UpdateUserPoolClient: write('UserPoolClientUpdate', 'App client permissions changed'),
  // Tier returns. Create and Update carry a ClientToken the app sets once, so a second delivery is the same request.
  GetSchedule: scheduler(read('SchedulerRead')),
  ListSchedules: scheduler(read('SchedulerRead')),
  CreateSchedule: scheduler(write('SchedulerWrite', 'Tier return scheduled')),
  UpdateSchedule: scheduler(write('SchedulerWrite', 'Tier return moved')),
  // A second delivery answers ResourceNotFound for the schedule the first one deleted.
  DeleteSchedule: scheduler(write('SchedulerWrite', 'Tier return cancelled', false)),
  // A second delivery answers Conflict, which the caller takes as "the group exists".
  CreateScheduleGroup: scheduler(write('SchedulerGroup', 'Schedule group of tier returns created'))
} as const satisfies Record<string, CommandFacts>

export type CognitoOperation = keyof typeof COGNITO_COMMANDS

/** The API operation an SDK command sends: its class name without "Command". */
export function operationOf(commandName: string): string {
  return commandName.replace(/Command$/, '')
}

/** The facts of a command, by its SDK class name or its operation; refuses one the table lacks. */
export function commandFacts(commandName: string): CommandFacts {
  const operation = operationOf(commandName)
  if (Object.hasOwn(COGNITO_COMMANDS, operation)) return COGNITO_COMMANDS[operation as CognitoOperation]
  throw new AppError(
    'INTERNAL',
    `Tier Admin does not know the Cognito operation ${operation}: add it to the command table (src/main/cognito/commands.ts). Nothing was sent.`
  )
}
