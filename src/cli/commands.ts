import type { Operation } from '../shared/contract'
import { SEARCH_FIELDS } from '../shared/searchFields'
import { ACCOUNT_COMMANDS } from './accountCommands'

/** One CLI command: its usage text, its options, and how its arguments become a contract request. */
export interface CommandSpec {
  /** Options that cannot be given together, e.g. [['csv', 'json']]. */
  exclusive?: [string, string][]
  summary: string
  usage: string
  /** The option a bare argument stands for, when the command takes one ("get jane" = "get --username jane"). */
  positional?: string
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; description: string }>
  /** Options that must be given (a missing one is a usage error, exit 2). */
  required?: string[]
  operation?: Operation
}

const json = { type: 'boolean', description: 'Print the result as JSON' } as const
const usernameOption = { type: 'string', description: 'The username' } as const

export const COMMANDS: Record<string, CommandSpec> = {
  pool: {
    summary: 'Show the pool in use and check it answers and carries custom:user_tier (exit 1 if not)',
    usage: 'pool [--json]',
    operation: 'describePool',
    options: { json }
  },
  register: {
    required: ['username', 'email'],
    summary: 'Register a user with a tier (a confirmation code is sent to the email)',
    usage: 'register --username U --email E [--password-stdin] [--tier standard|premium] [--attr name=value ...]',
    operation: 'register',
    options: {
      username: usernameOption,
      email: { type: 'string', description: 'The email address' },
      'password-stdin': { type: 'boolean', description: 'Read the password from standard input (without it, a terminal prompts for it)' },
      tier: { type: 'string', description: 'standard (default) or premium' },
      attr: { type: 'string', multiple: true, description: 'An extra custom attribute, name=value (name without "custom:")' },
      json
    }
  },
  confirm: {
    required: ['username', 'code'],
    summary: 'Confirm a sign-up with the code the user received',
    usage: 'confirm --username U --code C',
    operation: 'confirm',
    options: { username: usernameOption, code: { type: 'string', description: 'The confirmation code' }, json }
  },
  'resend-code': {
    required: ['username'],
    summary: 'Send the user a new confirmation code',
    usage: 'resend-code --username U',
    operation: 'resendCode',
    positional: 'username',
    options: { username: usernameOption, json }
  },
  'admin-confirm': {
    required: ['username'],
    summary: 'Confirm a user without a code (only for someone verified another way)',
    usage: 'admin-confirm --username U --yes',
    operation: 'adminConfirm',
    positional: 'username',
    options: { username: usernameOption, yes: { type: 'boolean', description: 'Confirm that you verified this person another way' }, json }
  },
  get: {
    required: ['username'],
    summary: 'Show one user by exact username',
    usage: 'get <username>',
    operation: 'getUser',
    positional: 'username',
    options: { username: usernameOption, json }
  },
  search: {
    summary: 'Find users whose username, email or another standard attribute starts with (or is) a value (every page)',
    usage: 'search <value> [--by FIELD] [--exact]',
    operation: 'searchUsers',
    positional: 'prefix',
    options: {
      by: { type: 'string', description: `${SEARCH_FIELDS.join(', ')} (default username)` },
      exact: { type: 'boolean', description: 'Match the whole value, not its start (sub and status always do)' },
      json
    }
  },
  'set-tier': {
    required: ['username', 'tier'],
    summary: "Change a user's tier",
    usage: 'set-tier --username U --tier standard|premium',
    operation: 'setTier',
    options: { username: usernameOption, tier: { type: 'string', description: 'standard or premium' }, json }
  },
  outbox: {
    summary: 'List the codes the sandbox pool sent (sandbox only)',
    usage: 'outbox [--username U]',
    operation: 'getOutbox',
    options: { username: { type: 'string', description: 'Only this user' }, json }
  },
  stats: {
    summary: 'Scan the pool and print tier statistics (resumes an unfinished scan)',
    usage: 'stats [--json | --csv]',
    exclusive: [['csv', 'json']],
    operation: 'startStats',
    options: { json, csv: { type: 'boolean', description: 'Print the figures as CSV' } }
  },
  'list-tier': {
    summary: 'List the users of a tier from the last finished scan',
    usage: 'list-tier <standard|premium|none|invalid> [--json | --csv]',
    exclusive: [['csv', 'json']],
    operation: 'listTierMembers',
    positional: 'tier',
    options: { json, csv: { type: 'boolean', description: 'Print as CSV' } }
  },
  'sandbox-restore': {
    summary: 'Put the last good copy in place of each damaged sandbox file (the damaged ones are kept)',
    usage: 'sandbox-restore --yes',
    operation: 'restoreSandbox',
    options: { yes: { type: 'boolean', description: 'Go ahead with the restore' }, json }
  },
  ...ACCOUNT_COMMANDS
}
