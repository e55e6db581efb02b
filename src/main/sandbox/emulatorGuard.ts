/**
 * The sandbox emulator listens on 127.0.0.1, which every program on the machine can reach, and
 * cognito-local itself checks no credentials and answers any web page (Access-Control-Allow-Origin: *).
 * The guard makes it answer only the app's own processes: each request must carry the per-run
 * credential that only they can read (from a private file in the data folder), browsers get no CORS
 * permission, and reserved names never reach the store.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { InvalidParameterError } from 'cognito-local/lib/errors'
import { SANDBOX_CREDENTIAL_HEADER } from './constants'
import { isReservedName } from './reservedNames'

/** Answers the request itself and returns false when it must not reach the emulator. */
export function guardRequest(request: IncomingMessage, response: ServerResponse, credential: string): boolean {
  withoutCorsHeaders(response)
  const presented = request.headers[SANDBOX_CREDENTIAL_HEADER]
  if (typeof presented === 'string' && sameSecret(presented, credential)) return true
  response.writeHead(403, { 'content-type': 'application/x-amz-json-1.1' })
  response.end(
    JSON.stringify({ __type: 'UnrecognizedClientException', message: 'The sandbox answers only Tier Admin: the request did not carry its credential.' })
  )
  return false
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** cognito-local's express app adds CORS headers for any origin; drop them on the way out. */
function withoutCorsHeaders(response: ServerResponse): void {
  const setHeader = response.setHeader.bind(response)
  response.setHeader = (name: string, value: number | string | readonly string[]) =>
    name.toLowerCase().startsWith('access-control-') ? response : setHeader(name, value)
}

const NAME_FIELDS = ['Username', 'UserPoolId', 'ClientId', 'GroupName'] as const

type Route = (ctx: never, request: never) => Promise<unknown>

/** Refuses requests that name a user, pool, client or group by a reserved name, as InvalidParameterException. */
export function guardRoute<R extends Route>(route: R): R {
  return (async (ctx: never, request: never) => {
    const fields = (request ?? {}) as Record<string, unknown>
    for (const field of NAME_FIELDS) {
      const value = fields[field]
      if (typeof value === 'string' && isReservedName(value)) throw new InvalidParameterError(`${field} "${value}" is not allowed in the sandbox`)
    }
    return route(ctx, request)
  }) as R
}
