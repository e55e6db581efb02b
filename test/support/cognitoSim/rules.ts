/**
 * The checks Cognito makes on a new user before creating it, with the exception names and messages it
 * answers: the app client and its secret hash (SignUp), the username's pattern, the attributes against
 * the pool's schema, and the default password policy (8 characters with upper and lower case, a digit
 * and a symbol).
 */
import { createHmac } from 'node:crypto'
import { passwordPolicyFault } from '../../../src/main/sandbox/awsRules'
import { TIER_ATTRIBUTE } from '../../../src/shared/tiers'
import { SimError } from './wire'

export interface WireAttribute {
  Name: string
  Value: string
}

/** Standard attributes a pool has; the only custom one the simulated pool declares is the tier. */
const SCHEMA = new Set([
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
  TIER_ATTRIBUTE
])

/** A new pool's password policy, which checkPassword applies. */
const DEFAULT_POLICY = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true }

/** What DescribeUserPool tells of the schema and the password policy checkPassword applies. */
export function describedSchema(): Record<string, unknown> {
  return {
    SchemaAttributes: [...SCHEMA].map((Name) => ({ Name, AttributeDataType: Name.endsWith('_verified') ? 'Boolean' : 'String', Mutable: true })),
    Policies: { PasswordPolicy: DEFAULT_POLICY }
  }
}

const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u

export function checkUsername(username: unknown): string {
  if (typeof username !== 'string' || username.length === 0) {
    throw new SimError(
      'InvalidParameterException',
      "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null"
    )
  }
  if (username.length > 128 || !USERNAME.test(username)) {
    throw new SimError(
      'InvalidParameterException',
      "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"
    )
  }
  return username
}

/** The request's attributes by name, after the schema check (unknown or immutable names are refused). */
export function checkAttributes(raw: unknown): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const attribute of Array.isArray(raw) ? (raw as WireAttribute[]) : []) {
    const name = String(attribute?.Name ?? '')
    if (name === 'sub') throw new SimError('InvalidParameterException', 'Attributes did not conform to the schema: sub: Attribute cannot be updated.')
    if (!SCHEMA.has(name)) {
      throw new SimError('InvalidParameterException', `Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`)
    }
    attributes.set(name, String(attribute.Value ?? ''))
  }
  const email = attributes.get('email')
  if (email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(email)) throw new SimError('InvalidParameterException', 'Invalid email address format.')
  return attributes
}

export function checkPassword(password: unknown, field: 'password' | 'temporaryPassword'): void {
  if (typeof password !== 'string') {
    throw new SimError(
      'InvalidParameterException',
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`
    )
  }
  const fault = passwordPolicyFault(password, DEFAULT_POLICY)
  if (fault) throw new SimError('InvalidPasswordException', `Password did not conform with policy: ${fault}`)
}

/** SignUp names an app client instead of the pool; a client with a secret needs the request's SecretHash. */
export function checkClient(body: Record<string, unknown>, client: { clientId: string; clientSecret?: string }, username: string): void {
  if (body.ClientId !== client.clientId) throw new SimError('ResourceNotFoundException', `User pool client ${String(body.ClientId)} does not exist.`)
  if (client.clientSecret === undefined) return
  const expected = createHmac('sha256', client.clientSecret)
    .update(username + client.clientId)
    .digest('base64')
  if (body.SecretHash !== expected) throw new SimError('NotAuthorizedException', `Unable to verify secret hash for client ${client.clientId}`)
}

/** How Cognito shows where a code went without giving the address away: "u***@e***". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  return `${email.slice(0, 1)}***@${email.slice(at + 1, at + 2)}***`
}
