/**
 * The Users screen's account actions on the command line: each one contract request on one user,
 * printed as the sentence the app shows. Kept apart from the everyday commands so each file says one thing.
 */
import type { Operation } from '../shared/contract'
import type { HistoryEntry, UserGroups } from '../shared/domain'
import { UsageError } from './cliIo'
import { byUsername, callAndPrint, fromOptions, json, usernameOption, type Command } from './command'
import { formatAction } from './format'

const groupOption = { type: 'string', description: 'The group name' } as const

type ActionOperation = Extract<Operation, 'enableUser' | 'disableUser' | 'resetPassword' | 'resendInvite' | 'signOutEverywhere' | 'verifyEmail'>

const action = (summary: string, name: string, operation: ActionOperation): Command => ({
  required: ['username'],
  summary,
  usage: `${name} <username>`,
  positional: 'username',
  options: { username: usernameOption, json },
  run: callAndPrint(operation, byUsername, formatAction)
})

const membership = (summary: string, name: string, operation: Extract<Operation, 'addToGroup' | 'removeFromGroup'>): Command => ({
  required: ['username', 'group'],
  summary,
  usage: `${name} <username> --group G`,
  positional: 'username',
  options: { username: usernameOption, group: groupOption, json },
  run: callAndPrint(operation, fromOptions('username', 'group'), formatGroups)
})

export const ACCOUNT_COMMANDS: Record<string, Command> = {
  enable: action('Let a disabled user sign in again', 'enable', 'enableUser'),
  disable: action('Stop a user from signing in (their data and tier are kept)', 'disable', 'disableUser'),
  'reset-password': action('Reset a password: Cognito sends the user a code to choose a new one', 'reset-password', 'resetPassword'),
  'resend-invite': action('Send an invited user (FORCE_CHANGE_PASSWORD) a new invitation and temporary password', 'resend-invite', 'resendInvite'),
  'sign-out': action('Sign a user out on every device (revokes their refresh tokens)', 'sign-out', 'signOutEverywhere'),
  'verify-email': action("Mark a user's email address as verified", 'verify-email', 'verifyEmail'),
  delete: {
    required: ['username'],
    summary: 'Delete a user from the pool (cannot be undone; needs --yes)',
    usage: 'delete <username> --yes',
    positional: 'username',
    options: { username: usernameOption, yes: { type: 'boolean', description: 'Confirm the deletion' }, json },
    check: (values) => {
      if (values.yes !== true) throw new UsageError('Deleting a user cannot be undone: add --yes to delete.')
    },
    run: callAndPrint('deleteUser', (values) => ({ username: values.username, confirmUsername: values.username }), formatAction)
  },
  groups: {
    required: ['username'],
    summary: "List a user's groups and the pool's other groups",
    usage: 'groups <username>',
    positional: 'username',
    options: { username: usernameOption, json },
    run: callAndPrint('userGroups', byUsername, formatGroups)
  },
  'add-to-group': membership("Add a user to one of the pool's groups", 'add-to-group', 'addToGroup'),
  'remove-from-group': membership('Remove a user from a group', 'remove-from-group', 'removeFromGroup'),
  history: {
    required: ['username'],
    summary: "A user's tier changes and account actions from this computer's audit trail",
    usage: 'history <username>',
    positional: 'username',
    options: { username: usernameOption, json },
    run: callAndPrint('userHistory', byUsername, (result) => formatHistory(result.entries))
  }
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
