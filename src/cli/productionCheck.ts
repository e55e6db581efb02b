/**
 * The CLI's side of the production confirmation: a command's first write to a production profile's
 * pool needs --yes-production naming that pool, or the operator typing the pool ID at a prompt; which
 * operations write is the contract's `write` flag. Without a terminal and without the flag it stops
 * with exit code 2 before the write is sent. Main's gate still refuses any write the CLI did not
 * confirm (operations/productionGate.ts); this asks once per command instead of once per row.
 */
import type { ActiveProfile } from '../main/config/profiles'
import type { ProductionGate } from '../main/operations/productionGate'
import type { CliIo } from './cliIo'
import type { GlobalOptions } from './globalOptions'

/** Asks at most once: null when the command may write; else the exit code, the reason already printed. */
export function productionConsent(profile: ActiveProfile, gate: ProductionGate, globals: GlobalOptions, io: CliIo): () => Promise<number | null> {
  let answer: Promise<number | null> | null = null
  return () => (answer ??= ask(profile, gate, globals, io))
}

async function ask({ production, userPoolId, name }: ActiveProfile, gate: ProductionGate, globals: GlobalOptions, io: CliIo): Promise<number | null> {
  if (!production) return null
  if (globals.yesProduction !== undefined) {
    if (globals.yesProduction !== userPoolId) {
      io.err(`--yes-production names ${globals.yesProduction}, but profile "${name}" is pool ${userPoolId}. Nothing was sent.`)
      return 2
    }
    gate.allowAll(userPoolId)
    return null
  }
  if (io.readSecret) {
    const typed = await io.readSecret(`Profile "${name}" is PRODUCTION. Type the pool ID ${userPoolId} to let this command write to it: `)
    if (typed.trim() === userPoolId) {
      gate.allowAll(userPoolId)
      return null
    }
    io.err('The pool ID typed does not match. Nothing was sent.')
    return 2
  }
  io.err(
    `Profile "${name}" is marked production: to write to pool ${userPoolId}, add --yes-production ${userPoolId} (or run at a terminal to be asked). Nothing was sent.`
  )
  return 2
}
