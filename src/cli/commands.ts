/** Every CLI command by name, in the order the general help lists them. */
import { ACCOUNT_COMMANDS } from './accountCommands'
import { devices, eventFeedback, forgetDevice, signInEvents } from './activityCommands'
import { deleteAttribute, setAttribute } from './attributeCommands'
import { audit } from './auditCommand'
import { bulkSetTier, jobs } from './bulkCommands'
import type { Command } from './command'
import { doctor } from './doctorCommand'
import { exportUsers } from './exportCommand'
import { find } from './findCommand'
import { importUsers } from './importCommand'
import { listTier, pool, search } from './readCommands'
import { setPassword } from './passwordCommand'
import { profiles } from './profilesCommand'
import { cancelReturn, extendReturn, returns } from './returnCommands'
import { outbox, sandboxRestore } from './sandboxCommands'
import { mfa, resetMfa, unlink } from './securityCommands'
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
  find,
  get,
  search,
  'set-tier': setTier,
  returns,
  'extend-return': extendReturn,
  'cancel-return': cancelReturn,
  'set-attribute': setAttribute,
  'delete-attribute': deleteAttribute,
  'set-password': setPassword,
  mfa,
  'reset-mfa': resetMfa,
  devices,
  'forget-device': forgetDevice,
  'sign-in-events': signInEvents,
  'event-feedback': eventFeedback,
  unlink,
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
