/**
 * The Users screen's account actions on the command line: one spec each, run the same way (the
 * contract operation, then the sentence the app shows). Kept apart from the everyday commands so
 * each file says one thing.
 */
import type { Operation } from '../shared/contract'
import type { AccountActionResult, HistoryEntry, UserGroups } from '../shared/domain'
import type { CommandSpec } from './commands'

const json = { type: 'boolean', description: 'Print the result as JSON' } as const
const usernameOption = { type: 'string', description: 'The username' } as const
const groupOption = { type: 'string', description: 'The group name' } as const

const action = (summary: string, name: string, operation: Operation): CommandSpec => ({
  required: ['username'],
  summary,
  usage: `${name} <username>`,
  operation,
  positional: 'username',
  options: { username: usernameOption, json }
})

export const ACCOUNT_COMMANDS: Record<string, CommandSpec> = {
  enable: action('Let a disabled user sign in again', 'enable', 'enableUser'),
  disable: action('Stop a user from signing in (their data and tier are kept)', 'disable', 'disableUser'),
  'reset-password': action('Reset a password: Cognito sends the user a code to choose a new one', 'reset-password', 'resetPassword'),
  'resend-invite': action('Send an invited user (FORCE_CHANGE_PASSWORD) a new invitation and temporary password', 'resend-invite', 'resendInvite'),
  'sign-out': action('Sign a user out on every device (revokes their refresh tokens)', 'sign-out', 'signOutEverywhere'),
  'verify-email': action("Mark a user's email address as verified", 'verify-email', 'verifyEmail'),
  delete: {
    ...action('Delete a user from the pool (cannot be undone; needs --yes)', 'delete', 'deleteUser'),
    usage: 'delete <username> --yes',
    options: { username: usernameOption, yes: { type: 'boolean', description: 'Confirm the deletion' }, json }
  },
  groups: action("List a user's groups and the pool's other groups", 'groups', 'userGroups'),
  'add-to-group': {
    ...action("Add a user to one of the pool's groups", 'add-to-group', 'addToGroup'),
    required: ['username', 'group'],
    usage: 'add-to-group <username> --group G',
    options: { username: usernameOption, group: groupOption, json }
  },
  'remove-from-group': {
    ...action('Remove a user from a group', 'remove-from-group', 'removeFromGroup'),
    required: ['username', 'group'],
    usage: 'remove-from-group <username> --group G',
    options: { username: usernameOption, group: groupOption, json }
  },
  history: action("A user's tier changes and account actions from this computer's audit trail", 'history', 'userHistory')
}

/** The request an account command sends, or a usage problem to report (exit 2). */
export function accountRequest(name: string, values: Record<string, unknown>): { payload: unknown } | { usage: string } {
  const username = values.username
  if (name === 'delete') {
    if (values.yes !== true) return { usage: 'Deleting a user cannot be undone: add --yes to delete.' }
    return { payload: { username, confirmUsername: username } }
  }
  if (name === 'add-to-group' || name === 'remove-from-group') return { payload: { username, group: values.group } }
  return { payload: { username } }
}

export function formatAccountResult(name: string, data: unknown): string {
  if (name === 'groups' || name === 'add-to-group' || name === 'remove-from-group') return formatGroups(data as UserGroups)
  if (name === 'history') return formatHistory((data as { entries: HistoryEntry[] }).entries)
  const result = data as AccountActionResult
  return result.refreshError ? `${result.message}\n${result.refreshError.message}` : result.message
}

function formatGroups(groups: UserGroups): string {
  const member = groups.member.map((g) => g.name).join(', ') || '(none)'
  const available = groups.available.map((g) => g.name).join(', ') || '(none)'
  return `${groups.username} is in: ${member}\nOther groups of the pool: ${available}`
}

function formatHistory(entries: HistoryEntry[]): string {
  if (!entries.length) return "No writes to this user are recorded in this computer's audit trail."
  return entries.map((e) => [e.at, e.summary, e.osUser ?? '-', e.outcome + (e.errorName ? ` (${e.errorName})` : '')].join('\t')).join('\n')
}
