/**
 * How Cognito changes a user's attributes, for AdminUpdateUserAttributes, UpdateUserAttributes and
 * AdminDeleteUserAttributes:
 *  - a changed email or phone_number becomes unverified, unless an admin request sets
 *    email_verified / phone_number_verified to true in the same request;
 *  - with AttributesRequireVerificationBeforeUpdate naming the attribute, the old value stays active
 *    until the new one is verified (UserAttributeUpdateSettingsType: "Amazon Cognito doesn't change the
 *    value of the attribute until your user responds to the verification message"); an admin request
 *    setting the verified flag to true applies it at once ("You can also call the AdminUpdateUserAttributes
 *    API and set email_verified or phone_number_verified to true");
 *  - a value used to sign in cannot belong to two users: for UsernameAttributes any other user with the
 *    value, for AliasAttributes another user with the value verified (aliases count only once verified,
 *    as ForceAliasCreation's documentation says), answer AliasExistsException;
 *  - a blank value deletes the attribute ("submit the attribute in your API request with a blank value").
 */
import { SimError } from '../wire'
import { deliver, type PoolContext } from './context'
import { VERIFIED_FLAG } from './schema'
import type { DetailedUser } from './userStore'

const CONTACTS = ['email', 'phone_number'] as const

/** Applies checked attributes to a user; returns the code deliveries Cognito would make. */
export function applyAttributes(
  ctx: PoolContext,
  operation: string,
  user: DetailedUser,
  changes: Map<string, string>,
  admin: boolean
): Record<string, string>[] {
  const next = new Map(user.attributes)
  const pending = new Map(user.pending)
  const toVerify: ['email' | 'phone_number', string][] = []
  for (const [name, value] of changes) {
    if (CONTACTS.includes(name as 'email')) continue
    if (value === '') next.delete(name)
    else next.set(name, value)
  }
  for (const attribute of CONTACTS) {
    const flag = VERIFIED_FLAG[attribute]
    const value = changes.get(attribute)
    const verifiedNow = admin && changes.get(flag) === 'true'
    if (value === undefined) {
      // The flag alone confirms a value waiting for verification.
      if (verifiedNow && pending.has(attribute)) {
        next.set(attribute, pending.get(attribute)!)
        pending.delete(attribute)
      }
      continue
    }
    if (value === '') {
      next.delete(attribute)
      pending.delete(attribute)
      continue
    }
    if (value === user.attributes.get(attribute)) {
      pending.delete(attribute)
      continue
    }
    if (verifiedNow) {
      next.set(attribute, value)
      pending.delete(attribute)
    } else if (ctx.pool.requireVerificationBeforeUpdate.includes(attribute)) {
      pending.set(attribute, value)
      next.set(flag, user.attributes.get(flag) ?? 'false')
      toVerify.push([attribute, value])
    } else {
      next.set(attribute, value)
      next.set(flag, 'false')
      toVerify.push([attribute, value])
    }
  }
  checkSignInValues(ctx, user, next)
  user.attributes = next
  user.pending = pending
  user.modifiedAt = ctx.now()
  return toVerify
    .filter(([attribute]) => ctx.pool.autoVerified.includes(attribute))
    .map(([attribute, value]) => deliver(ctx, operation, user, attribute, value, 'verify-attribute'))
}

/** AliasExistsException when a value the pool signs users in with would belong to two users. */
export function checkSignInValues(ctx: PoolContext, user: DetailedUser, next: Map<string, string>): void {
  const isVerified = (attributes: Map<string, string>, name: string) => name === 'preferred_username' || attributes.get(`${name}_verified`) === 'true'
  for (const name of [...ctx.pool.usernameAttributes, ...ctx.pool.aliasAttributes]) {
    const value = next.get(name)
    if (value === undefined || (value === user.attributes.get(name) && isVerified(next, name) === isVerified(user.attributes, name))) continue
    const asUsername = (ctx.pool.usernameAttributes as string[]).includes(name)
    if (!asUsername && !isVerified(next, name)) continue
    const taken = ctx.users.all().some((other) => other !== user && other.attributes.get(name) === value && (asUsername || isVerified(other.attributes, name)))
    if (taken) throw new SimError('AliasExistsException', `An account with the given ${name} already exists.`)
  }
}

/** AdminDeleteUserAttributes: removes the named attributes (and any value waiting for verification). */
export function deleteAttributes(ctx: PoolContext, user: DetailedUser, names: string[]): void {
  for (const name of names) {
    user.attributes.delete(name)
    user.pending.delete(name)
  }
  user.modifiedAt = ctx.now()
}
