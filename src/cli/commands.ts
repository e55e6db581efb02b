/** Every CLI command by name, in the order the general help lists them. */
import { ACCOUNT_COMMANDS } from './accountCommands'
import type { Command } from './command'
import { listTier, pool, search } from './readCommands'
import { outbox, sandboxRestore } from './sandboxCommands'
import { stats } from './statsCommand'
import { adminConfirm, confirm, get, register, resendCode, setTier } from './userCommands'

export const COMMANDS: Record<string, Command> = {
  pool,
  register,
  confirm,
  'resend-code': resendCode,
  'admin-confirm': adminConfirm,
  get,
  search,
  'set-tier': setTier,
  outbox,
  stats,
  'list-tier': listTier,
  'sandbox-restore': sandboxRestore,
  ...ACCOUNT_COMMANDS
}
