/** Every CLI command by name, in the order the general help lists them. */
import { ACCOUNT_COMMANDS } from './accountCommands'
import { audit } from './auditCommand'
import { bulkSetTier, jobs } from './bulkCommands'
import type { Command } from './command'
import { doctor } from './doctorCommand'
import { exportUsers } from './exportCommand'
import { importUsers } from './importCommand'
import { listTier, pool, search } from './readCommands'
import { profiles } from './profilesCommand'
import { outbox, sandboxRestore } from './sandboxCommands'
import { stats } from './statsCommand'
import { adminConfirm, confirm, finishRegistration, get, register, resendCode, setTier } from './userCommands'

export const COMMANDS: Record<string, Command> = {
  pool,
  profiles,
  doctor,
  register,
  'finish-registration': finishRegistration,
  confirm,
  'resend-code': resendCode,
  'admin-confirm': adminConfirm,
  get,
  search,
  'set-tier': setTier,
  'bulk-set-tier': bulkSetTier,
  import: importUsers,
  outbox,
  stats,
  jobs,
  'list-tier': listTier,
  export: exportUsers,
  'sandbox-restore': sandboxRestore,
  ...ACCOUNT_COMMANDS,
  audit
}
