/**
 * Paging as Cognito's list operations do it: a page size field capped at 60 (refused above, with the
 * validation wording of the AWS JSON protocol), and an opaque token that is valid only for the list
 * it came from.
 */
import { MAX_PAGE_SIZE, pageSizeMessage } from '../../../../src/main/sandbox/awsRules'
import { decodeToken, encodeToken, SimError } from '../wire'

export interface PageRequest {
  /** The request field holding the page size: 'Limit' or 'MaxResults'. */
  sizeField: 'Limit' | 'MaxResults'
  tokenField: 'PaginationToken' | 'NextToken'
  /** The smallest page size the operation accepts (1 for ListUserPoolClients, 0 elsewhere, where 0 means the maximum). */
  min?: number
  /** What the token is tied to: the operation and, where it lists one user's items, the user. */
  scope: string
}

/** One page of items and the response field with the token for the next, if any. */
export function page<T>(items: readonly T[], body: Record<string, unknown>, request: PageRequest): { items: T[]; token: Record<string, string> } {
  const raw = body[request.sizeField]
  const min = request.min ?? 0
  const size = raw === undefined ? MAX_PAGE_SIZE : Number(raw)
  const field = request.sizeField === 'Limit' ? 'limit' : 'maxResults'
  if (!Number.isInteger(size) || size > MAX_PAGE_SIZE) throw new SimError('InvalidParameterException', pageSizeMessage(field, raw, { max: MAX_PAGE_SIZE }))
  if (size < min) throw new SimError('InvalidParameterException', pageSizeMessage(field, raw, { min }))
  const start = decodeToken(body[request.tokenField] ?? undefined, request.scope)
  const end = Math.min(items.length, start + (size === 0 ? MAX_PAGE_SIZE : size))
  return { items: items.slice(start, end), token: end < items.length ? { [request.tokenField]: encodeToken(request.scope, end) } : {} }
}
