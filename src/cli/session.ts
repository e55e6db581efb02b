/**
 * One command's run on the open pool. The CLI reaches main one way: every request goes through the
 * operations layer's invokeOperation (worded for the CLI), and a job is followed on the same
 * job-updates hub the window hears. Its "dialogs" answer from the flags: --out names where a file
 * goes (standard output without it), the file argument which file to read. run.ts loads this module
 * only once the command's usage is checked: it brings in the services, the AWS SDK and zod.
 */
import { resolve } from 'node:path'
import { isWriteOperation, type Operation, type ResultOf } from '../shared/contract'
import { AppError, type Result } from '../shared/errors'
import { openAppContext } from '../main/app/appContext'
import type { FrontEnd } from '../main/operations/frontEnd'
import { createOperations } from '../main/operations/handlers'
import { invokeOperation } from '../main/operations/invoke'
import { reportError, type CliIo, type Values } from './cliIo'
import type { Call, Command } from './command'
import type { GlobalOptions } from './globalOptions'
import { productionConsent } from './productionCheck'

/** Failures that are the caller's input, not the operation: exit code 2, like any usage mistake. */
const INPUT_ERRORS = new Set(['VALIDATION', 'INVALID_TIER', 'REASON_REQUIRED'])

export async function runCommand(name: string, command: Command, values: Values, io: CliIo, globals: GlobalOptions = {}): Promise<number> {
  const app = await openAppContext({ env: io.env, processLabel: `the tier-admin CLI (${name})`, profile: globals.profile })
  try {
    const { handlers, gate } = createOperations(app, frontEndOf(values, io))
    const asJson = values.json === true
    const consent = productionConsent(app.profile, gate, globals, io)
    const lacksReason = app.profile.requireReason && !globals.reason?.trim()
    let inputRefused = false
    let refusal: number | null = null
    const call: Call = async <K extends Operation>(operation: K, payload: unknown) => {
      // Asked once, before the first write of the command leaves (reads before it need no consent). A
      // write that lacks the reason its profile asks for goes straight to main, which refuses it before
      // its production gate: nobody types a pool ID only to be told a reason was missing.
      if (isWriteOperation(operation) && !lacksReason) refusal ??= await consent()
      if (refusal) return null
      const sent = isWriteOperation(operation) && globals.reason !== undefined ? withReason(payload, globals.reason) : payload
      const result: Result<ResultOf<K>> = await invokeOperation(handlers, operation, sent, 'cli')
      if (result.ok) return result.data
      inputRefused = INPUT_ERRORS.has(result.error.code)
      reportError(result.error, io, asJson)
      return null
    }
    const print = (data: unknown, human: string) => io.out(asJson ? JSON.stringify(data, null, 2) : human)
    const code = await command.run({ values, io, call, print, asJson, jobUpdates: app.jobUpdates })
    if (refusal) return refusal
    return code === 1 && inputRefused ? 2 : code
  } finally {
    await app.close()
  }
}

/** A write's request with --reason in it (the operations layer takes it off again for every write alike). */
function withReason(payload: unknown, reason: string): unknown {
  return payload && typeof payload === 'object' ? { ...payload, reason } : { reason }
}

function frontEndOf(values: Values, io: CliIo): FrontEnd {
  return {
    chooseSaveFile: async () => (typeof values.out === 'string' ? resolve(values.out) : { stream: io.stdout, name: 'standard output' }),
    chooseOpenFile: async () => (typeof values.file === 'string' ? resolve(values.file) : null),
    // Only where there is a terminal to show it on: without one, main refuses to make a password before it sets one.
    ...(io.showSecret ? { handOverSecret: handOverOn(io.showSecret) } : {}),
    // A person at a terminal types the answer; with no terminal there is nobody to ask, and the change is refused.
    askInPerson: async ({ title, detail, typeToConfirm }) => {
      const typed = io.readSecret ? await io.readSecret(`${title}\n${detail}\nType ${typeToConfirm} to confirm: `) : null
      if (typed === null)
        throw new AppError('VALIDATION', `${title} It needs a person at a terminal to confirm it: run the command in one. Nothing was changed.`)
      return typed.trim() === typeToConfirm
    }
  }
}

/** A secret main made, shown once on the terminal, apart from the result and never in --json's output. */
function handOverOn(showSecret: (text: string) => void): NonNullable<FrontEnd['handOverSecret']> {
  return async (secret, what) => {
    showSecret(`${what.charAt(0).toUpperCase()}${what.slice(1)}: ${secret}`)
    return 'shown once on the terminal above'
  }
}
