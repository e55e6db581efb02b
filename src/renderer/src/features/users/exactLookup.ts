import type { SearchField } from '../../../../shared/searchFields'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const EMAIL = /^[^\s@]+@[^\s@]+$/

/**
 * Which attribute an exact lookup tries first. A ticket quotes a username, a sub or an email, and the
 * operator should not have to say which: a UUID is looked up as a sub, an address as an email, and
 * anything else (or a sub or email nobody has, which may still be a username) as a username.
 */
export function exactLookupField(value: string): Extract<SearchField, 'sub' | 'email'> | 'username' {
  if (UUID.test(value)) return 'sub'
  if (EMAIL.test(value)) return 'email'
  return 'username'
}
