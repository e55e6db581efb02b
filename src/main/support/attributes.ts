/**
 * Changing and removing a user's attributes (AdminUpdateUserAttributes, AdminDeleteUserAttributes),
 * each checked against the pool's schema first. A changed email or phone number is told as it goes on
 * this pool: whether Cognito sends a code to the new address, whether the old one stays in use until
 * the new one is verified, or that it is verified at once because the operator checked it.
 */
import { AdminDeleteUserAttributesCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider'
import type { AccountActionResult, PoolInfo, UserDetail } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { PoolSecurity } from '../../shared/support'
import type { ServiceDeps } from '../app/deps'
import { nameOf } from '../cognito/retryPolicy'
import { getUser, searchUsers } from '../users/users'
import { checkRemovals, checkWrites, fieldOf } from './attributeRules'
import { supportPool } from './poolSecurity'
import { readBackPage } from './userPage'

export interface SetAttributesRequest {
  username: string
  attributes: Record<string, string>
  markVerified?: boolean
}

/** The addresses Cognito verifies, with the attribute that says so and how a message names them. */
const ADDRESSES = {
  email: { verified: 'email_verified', words: 'email address', sent: 'an email' },
  phone_number: { verified: 'phone_number_verified', words: 'phone number', sent: 'a text message' }
} as const
type Address = keyof typeof ADDRESSES
const isAddress = (name: string): name is Address => Object.hasOwn(ADDRESSES, name)

export async function setAttributes(deps: ServiceDeps, request: SetAttributesRequest): Promise<AccountActionResult> {
  const { gateway } = deps
  const pool = await supportPool(deps.schema)
  checkWrites(pool.schema, pool.poolName, request.attributes)
  const addresses = Object.keys(request.attributes).filter(isAddress)
  if (request.markVerified && !addresses.length) {
    throw new AppError('VALIDATION', '"Mark as verified" is for a changed email address or phone number; change one, or leave it unticked.', {
      markVerified: 'Only with a changed email or phone number'
    })
  }
  const before = await getUser(gateway, request.username)
  const current = new Map(before.attributes.map((attribute) => [attribute.name, attribute.value]))
  const changed = Object.entries(request.attributes).filter(([name, value]) => current.get(name) !== value)
  // An address marked verified is written with it even when unchanged: that is the operator's point.
  const verifying = request.markVerified
    ? addresses.filter((name) => changed.some(([n]) => n === name) || current.get(ADDRESSES[name].verified) !== 'true')
    : []
  if (!changed.length && !verifying.length) {
    return { username: before.username, message: `${before.username} already has these values; nothing was changed.`, user: before }
  }
  const written = [...changed, ...verifying.map((name) => [ADDRESSES[name].verified, 'true'] as [string, string])]
  const held = await heldByAnother(deps, pool, before.username, changed)
  if (held.length) throw aliasTaken(request.attributes, held)
  try {
    await gateway.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: gateway.userPoolId,
        Username: before.username,
        UserAttributes: written.map(([Name, Value]) => ({ Name, Value }))
      })
    )
  } catch (error) {
    if (nameOf(error) === 'AliasExistsException') throw aliasTaken(request.attributes, addresses)
    throw error
  }
  const said = changed.map(([name, value]) => `${name} ${current.has(name) ? `${shown(current.get(name)!)} → ` : 'set to '}${shown(value)}`)
  const notes = changed.flatMap(([name]) => (isAddress(name) ? [addressNote(name, pool.security, verifying.includes(name), current.get(name))] : []))
  const marked = verifying.filter((name) => !changed.some(([n]) => n === name)).map((name) => `The ${ADDRESSES[name].words} is marked as verified.`)
  const message = [`${before.username}: ${said.join('; ') || 'no value changed'}.`, ...notes, ...marked].join(' ')
  return { username: before.username, message, ...(await readBackPage(deps, before.username)) }
}

/** Values the operator typed are shown back; long ones are cut so a message stays one line. */
const shown = (value: string): string => `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`

/** What follows a changed email or phone number on this pool. */
function addressNote(name: Address, pool: PoolSecurity, markedVerified: boolean, old: string | undefined): string {
  const { words, sent } = ADDRESSES[name]
  if (markedVerified) return `The new ${words} is marked as verified: it works for sign-in and codes at once, and no code is sent.`
  if (!pool.autoVerifiedAttributes.includes(name)) {
    return `This pool does not verify ${words}s itself: no code is sent, and the new ${words} stays unverified until you mark it verified.`
  }
  const code = `Cognito sends ${sent} with a verification code to the new ${words}.`
  if (pool.keepOriginalUntilVerified.includes(name) && old) {
    return `${code} Until they enter it, the old ${words} ${old} stays in use for sign-in and messages; the new one replaces it once verified.`
  }
  return `${code} The new ${words} is in use at once but unverified until they enter the code: until then it cannot receive a password reset code.`
}

/**
 * The new addresses another user already signs in with. Cognito takes an unverified one and refuses
 * it only when it is verified (AliasExistsException), so the person could never use it: the desk
 * refuses it at once, whether or not it is marked verified now.
 */
async function heldByAnother(deps: ServiceDeps, pool: PoolInfo, username: string, changed: [string, string][]): Promise<Address[]> {
  const held: Address[] = []
  for (const [name, value] of changed) {
    if (!isAddress(name)) continue
    const asUsername = pool.usernameAttributes.includes(name)
    if (!asUsername && !pool.aliasAttributes.includes(name)) continue
    const { users } = await searchUsers(deps.gateway, { query: value, by: name, match: 'exact' })
    const signsInWithIt = (user: UserDetail) => asUsername || (name === 'email' ? user.emailVerified : user.phoneVerified)
    if (users.some((user) => user.username !== username && signsInWithIt(user))) held.push(name)
  }
  return held
}

/** Another user holds the email or phone number as a sign-in alias: Cognito names neither, so the request does. */
function aliasTaken(attributes: Record<string, string>, addresses: Address[]): AppError {
  const fields = Object.fromEntries(addresses.map((name) => [fieldOf(name), `Another user already signs in with this ${ADDRESSES[name].words}`]))
  const values = addresses.map((name) => `${ADDRESSES[name].words} ${attributes[name]}`).join(' or ')
  return new AppError(
    'USERNAME_EXISTS',
    `Another user of this pool already signs in with the ${values || 'value given'}, so it cannot be given to this user as well. Nothing was changed. Look that user up {usersScreen}, or use a different one.`,
    fields
  )
}

export async function deleteAttributes(deps: ServiceDeps, username: string, names: string[]): Promise<AccountActionResult> {
  const { gateway } = deps
  const pool = await supportPool(deps.schema)
  checkRemovals(pool.schema, pool.poolName, names, pool.usernameAttributes)
  const before = await getUser(gateway, username)
  const held = new Map(before.attributes.map((attribute) => [attribute.name, attribute.value]))
  const removing = [...new Set(names)].filter((name) => held.has(name))
  if (!removing.length) return { username: before.username, message: `${before.username} has no ${names.join(' or ')}; nothing was removed.`, user: before }
  await gateway.send(new AdminDeleteUserAttributesCommand({ UserPoolId: gateway.userPoolId, Username: before.username, UserAttributeNames: removing }))
  const said = removing.map((name) => `${name} (was ${shown(held.get(name)!)})`).join(', ')
  const addresses = removing.filter(isAddress).map((name) => ` Without a ${ADDRESSES[name].words} they cannot sign in with it or receive codes there.`)
  return {
    username: before.username,
    message: `Removed from ${before.username}: ${said}.${addresses.join('')}`,
    ...(await readBackPage(deps, before.username))
  }
}
