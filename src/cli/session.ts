/**
 * One command's run on the open pool: every request goes through the contract's validation and error
 * mapping, so its messages match the UI's. run.ts loads this module only once the command's usage is
 * checked: it brings in the services, the AWS SDK and zod, which help and usage mistakes do without.
 */
import type { Operation, ResultOf } from '../shared/contract'
import type { Result } from '../shared/errors'
import { openAppContext } from '../main/appContext'
import { createHandlers } from '../main/ipc/handlers'
import { invokeOperation } from '../main/ipc/invoke'
import { toAppError } from '../main/cognito/errorMapping'
import { reportError, UsageError, type CliIo, type Values } from './cliIo'
import type { Call, Command } from './command'
import type { GlobalOptions } from './globalOptions'
import { confirmProductionWrites } from './productionCheck'

/** Failures that are the caller's input, not the operation: exit code 2, like any usage mistake. */
const INPUT_ERRORS = new Set(['VALIDATION', 'INVALID_TIER'])

export async function runCommand(name: string, command: Command, values: Values, io: CliIo, globals: GlobalOptions = {}): Promise<number> {
  const app = await openAppContext({ env: io.env, processLabel: `the tier-admin CLI (${name})`, profile: globals.profile })
  try {
    const handlers = createHandlers(app)
    const asJson = values.json === true
    let inputRefused = false
    const call: Call = async <K extends Operation>(operation: K, payload: unknown) => {
      const result: Result<ResultOf<K>> = await invokeOperation(handlers, operation, payload, 'cli')
      if (result.ok) return result.data
      inputRefused = INPUT_ERRORS.has(result.error.code)
      reportError(result.error, io, asJson)
      return null
    }
    const print = (data: unknown, human: string) => io.out(asJson ? JSON.stringify(data, null, 2) : human)
    const refused = await confirmProductionWrites(app, name, values, globals, io)
    if (refused !== null) return refused
    let code: number
    try {
      code = await command.run({ values, io, app, call, print, asJson })
    } catch (error) {
      // A command that uses a service directly (a long job, a streamed file) fails in the same words as a call.
      if (error instanceof UsageError) throw error
      reportError(toAppError(error).toShape(), io, asJson)
      code = 1
    }
    return code === 1 && inputRefused ? 2 : code
  } finally {
    await app.close()
  }
}
