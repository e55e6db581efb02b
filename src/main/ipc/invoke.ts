import type { z } from 'zod'
import { contract, type Operation, type ResultOf } from '../../shared/contract'
import { AppError, type Result } from '../../shared/errors'
import { validationSummary, wordErrorsIn, wordFor, type Audience } from '../../shared/wording'
import { toAppError } from '../cognito/errorMapping'
import type { Handlers } from './handlers'

/**
 * Runs one operation for an untrusted caller: validates the payload against the contract's schema,
 * calls the handler, and returns a Result. Nothing thrown escapes, so no stack crosses the bridge.
 */
export async function invokeOperation<K extends Operation>(
  handlers: Handlers,
  operation: K,
  payload: unknown,
  audience: Audience = 'app'
): Promise<Result<ResultOf<K>>> {
  try {
    const request = parseRequest(operation, payload, audience)
    const handler = handlers[operation] as (request: unknown) => Promise<ResultOf<K>>
    return { ok: true, data: wordErrorsIn(await handler(request), audience) }
  } catch (error) {
    const shape = toAppError(error, { operation }).toShape()
    return { ok: false, error: { ...shape, message: wordFor(shape.message, audience) } }
  }
}

function parseRequest(operation: Operation, payload: unknown, audience: Audience): unknown {
  const schema = contract[operation].request as z.ZodType
  const parsed = schema.safeParse(payload)
  if (parsed.success) return parsed.data
  const fields: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || 'request'
    fields[key] ??= issue.message
  }
  throw new AppError('VALIDATION', validationSummary(fields, audience), fields)
}
