/**
 * The CLI's side of the production confirmation: a command that writes to a production profile's pool
 * needs --yes-production naming that pool, or the operator typing the pool ID at a prompt. Without a
 * terminal and without the flag it stops with exit code 2 before anything is sent. Main's gate still
 * refuses any write the CLI did not confirm (productionGate.ts); this check covers the jobs the CLI
 * drives through their services directly, and asks once per command instead of once per row.
 */
import type { AppContext } from '../main/appContext'
import type { CliIo, Values } from './cliIo'
import type { GlobalOptions } from './globalOptions'

const WRITE_COMMANDS = new Set([
  'register',
  'confirm',
  'resend-code',
  'admin-confirm',
  'set-tier',
  'enable',
  'disable',
  'reset-password',
  'resend-invite',
  'sign-out',
  'verify-email',
  'delete',
  'add-to-group',
  'remove-from-group'
])

/** Whether this command, with these options, may change the pool. */
export function writesToPool(name: string, values: Values): boolean {
  if (name === 'bulk-set-tier') return values.yes === true
  if (name === 'import') return values['dry-run'] !== true
  if (name === 'jobs') return values.resume !== undefined
  if (name === 'doctor') return values.fix === true
  return WRITE_COMMANDS.has(name)
}

/** Null when the command may go on; else the exit code, the reason already printed. */
export async function confirmProductionWrites(app: AppContext, name: string, values: Values, globals: GlobalOptions, io: CliIo): Promise<number | null> {
  const { production, userPoolId, name: profileName } = app.profile
  if (!production) return null
  if (globals.yesProduction !== undefined) {
    if (globals.yesProduction !== userPoolId) {
      io.err(`--yes-production names ${globals.yesProduction}, but profile "${profileName}" is pool ${userPoolId}. Nothing was sent.`)
      return 2
    }
    app.productionGate.allowAll(userPoolId)
    return null
  }
  if (!writesToPool(name, values)) return null
  if (io.readSecret) {
    const typed = await io.readSecret(`Profile "${profileName}" is PRODUCTION. Type the pool ID ${userPoolId} to let this command write to it: `)
    if (typed.trim() === userPoolId) {
      app.productionGate.allowAll(userPoolId)
      return null
    }
    io.err('The pool ID typed does not match. Nothing was sent.')
    return 2
  }
  io.err(
    `Profile "${profileName}" is marked production: to write to pool ${userPoolId}, add --yes-production ${userPoolId} (or run at a terminal to be asked). Nothing was sent.`
  )
  return 2
}
