/**
 * Names that would reach JavaScript object internals if used as keys of cognito-local's plain-object
 * store ("__proto__" and "constructor" returned phantom users, and a write to one planted a bogus
 * user). Real Cognito has no such names; the sandbox refuses them as usernames and keys.
 */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype'])

export function isReservedName(name: string): boolean {
  return RESERVED.has(name)
}
