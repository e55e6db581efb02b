import type { z } from 'zod'
import { contract, type Operation, type ResultOf } from '../../shared/contract'
import { AppError, type Result } from '../../shared/errors'
import { toAppError } from '../cognito/errorMapping'
import type { Handlers } from './handlers'

/**
 * Runs one operation for an untrusted caller: validates the payload against the contract's schema,
 * calls the handler, and returns a Result. Nothing thrown escapes, so no stack crosses the bridge.
 */
export async function invokeOperation<K extends Operation>(handlers: Handlers, operation: K, payload: unknown): Promise<Result<ResultOf<K>>> {
  try {
    const request = parseRequest(operation, payload)
    const handler = handlers[operation] as (request: unknown) => Promise<ResultOf<K>>
    return { ok: true, data: await handler(request) }
  } catch (error) {
    return { ok: false, error: toAppError(error, { operation }).toShape() }
  }
}

function parseRequest(operation: Operation, payload: unknown): unknown {
  const schema = contract[operation].request as z.ZodType
  const parsed = schema.safeParse(payload)
  if (parsed.success) return parsed.data
  const fields: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || 'request'
    fields[key] ??= issue.message
  }
  const summary = Object.entries(fields)
    .map(([field, message]) => (field === 'request' ? message : `${field}: ${message}`))
    .join('; ')
  throw new AppError('VALIDATION', `Please correct the form: ${summary}.`, fields)
}
