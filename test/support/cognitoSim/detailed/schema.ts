/**
 * The detailed pool's attribute schema: Cognito's standard attributes with the types and constraints
 * DescribeUserPool reports for them, the pool's custom attributes, and the checks Cognito makes on a
 * write (unknown name, immutable attribute, email format, E.164 phone number, length constraints).
 */
import { SimError } from '../wire'
import type { SimCustomAttribute } from './seeds'

export interface SchemaAttribute {
  Name: string
  AttributeDataType: string
  DeveloperOnlyAttribute: boolean
  Mutable: boolean
  Required: boolean
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string }
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string }
}

const TEXT = { MinLength: '0', MaxLength: '2048' }

/** Cognito's standard attributes, in the order DescribeUserPool lists them. */
const STANDARD: SchemaAttribute[] = [
  ['sub', 'String', false, { MinLength: '1', MaxLength: '2048' }],
  ['name', 'String'],
  ['given_name', 'String'],
  ['family_name', 'String'],
  ['middle_name', 'String'],
  ['nickname', 'String'],
  ['preferred_username', 'String'],
  ['profile', 'String'],
  ['picture', 'String'],
  ['website', 'String'],
  ['email', 'String'],
  ['email_verified', 'Boolean'],
  ['gender', 'String'],
  ['birthdate', 'String', true, { MinLength: '10', MaxLength: '10' }],
  ['zoneinfo', 'String'],
  ['locale', 'String'],
  ['phone_number', 'String'],
  ['phone_number_verified', 'Boolean'],
  ['address', 'String'],
  ['updated_at', 'Number'],
  ['identities', 'String', true, {}]
].map(([Name, AttributeDataType, Mutable = true, constraints = TEXT]) => ({
  Name: Name as string,
  AttributeDataType: AttributeDataType as string,
  DeveloperOnlyAttribute: false,
  Mutable: Mutable as boolean,
  Required: Name === 'sub',
  ...(AttributeDataType === 'String' ? { StringAttributeConstraints: constraints as SchemaAttribute['StringAttributeConstraints'] } : {}),
  ...(AttributeDataType === 'Number' ? { NumberAttributeConstraints: { MinValue: '0' } } : {})
}))

/** The names a client's default read and write lists cover: the standard attributes (verified flags aside). */
export const STANDARD_NAMES: readonly string[] = STANDARD.map((a) => a.Name).filter((n) => !n.endsWith('_verified') && n !== 'sub' && n !== 'identities')

export const VERIFIED_FLAG = { email: 'email_verified', phone_number: 'phone_number_verified' } as const

const E164 = /^\+[1-9]\d{1,14}$/
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

/** The schema a pool has: the standard attributes plus its custom ones. */
export class PoolSchema {
  readonly attributes: SchemaAttribute[]
  private readonly byName: Map<string, SchemaAttribute>

  constructor(custom: SimCustomAttribute[], required: string[]) {
    const customs = custom.map((c) => ({
      Name: `custom:${c.Name}`,
      AttributeDataType: c.AttributeDataType ?? 'String',
      DeveloperOnlyAttribute: false,
      Mutable: c.Mutable ?? true,
      Required: false,
      ...((c.AttributeDataType ?? 'String') === 'String' ? { StringAttributeConstraints: c.StringAttributeConstraints ?? { MaxLength: '256' } } : {})
    }))
    this.attributes = [...STANDARD.map((a) => ({ ...a, Required: a.Required || required.includes(a.Name) })), ...customs]
    this.byName = new Map(this.attributes.map((a) => [a.Name, a]))
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  isCustom(name: string): boolean {
    return name.startsWith('custom:') && this.byName.has(name)
  }

  required(): string[] {
    return this.attributes.filter((a) => a.Required && a.Name !== 'sub').map((a) => a.Name)
  }

  /**
   * The request's attributes by name after Cognito's schema checks. `creating` lets immutable
   * attributes be set, which Cognito allows only when the user is created.
   */
  check(raw: unknown, creating: boolean): Map<string, string> {
    const attributes = new Map<string, string>()
    for (const attribute of Array.isArray(raw) ? (raw as { Name?: unknown; Value?: unknown }[]) : []) {
      const name = String(attribute?.Name ?? '')
      const value = String(attribute?.Value ?? '')
      const definition = this.byName.get(name)
      if (!definition) throw schemaError(`Type for attribute {${name}} could not be determined`)
      if (name === 'sub' || name === 'identities' || (!definition.Mutable && !creating))
        throw schemaError(`${name}: Attribute cannot be updated. (changing an immutable attribute)`)
      const max = Number(definition.StringAttributeConstraints?.MaxLength ?? Infinity)
      if (value.length > max) throw schemaError(`${name}: String must be no longer than ${max} characters`)
      if (definition.AttributeDataType === 'Boolean' && value !== 'true' && value !== 'false' && value !== '')
        throw new SimError('InvalidParameterException', `Invalid boolean value for ${name}`)
      attributes.set(name, value)
    }
    const email = attributes.get('email')
    if (email && !EMAIL.test(email)) throw new SimError('InvalidParameterException', 'Invalid email address format.')
    const phone = attributes.get('phone_number')
    if (phone && !E164.test(phone)) throw new SimError('InvalidParameterException', 'Invalid phone number format.')
    return attributes
  }

  /** The names AdminDeleteUserAttributes may remove: known, mutable, and not required. */
  checkDeletable(names: unknown): string[] {
    const list = Array.isArray(names) ? names.map(String) : []
    for (const name of list) {
      const definition = this.byName.get(name)
      if (!definition) throw schemaError(`Type for attribute {${name}} could not be determined`)
      if (!definition.Mutable || name === 'sub') throw schemaError(`${name}: Attribute cannot be updated. (changing an immutable attribute)`)
      if (definition.Required) throw schemaError(`${name}: The attribute is required`)
    }
    return list
  }
}

function schemaError(detail: string): SimError {
  return new SimError('InvalidParameterException', `Attributes did not conform to the schema: ${detail}`)
}

/** Whether a value looks like an email address, for pools that use email as the username. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value)
}
