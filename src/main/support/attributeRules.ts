/**
 * What an administrator may write into a user's attribute, checked against the pool's schema before
 * anything is sent, so a refusal names the field and says why in the operator's words: the type,
 * length and range the schema gives, mutability, a phone number in E.164, an email's form; and the
 * attributes this desk never writes (the tier has its own operation, `sub` is Cognito's).
 */
import { AppError } from '../../shared/errors'
import type { AttributeSchema } from '../../shared/support'
import { TIER_ATTRIBUTE } from '../../shared/tiers'

/** Cognito's form for phone_number: a plus, the country code and the number, digits only. */
const E164 = /^\+[1-9]\d{1,14}$/
/** The same form the app's forms accept; Cognito's own check is looser, the support desk's is not. */
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]{2,}$/
/** Cognito's limit on a String attribute's value when the schema sets none. */
const DEFAULT_MAX_LENGTH = 2048

/** Attributes this desk refuses by name, with why and what to use instead. */
const NOT_HERE: Record<string, string> = {
  [TIER_ATTRIBUTE]: 'The tier is changed with its own operation ({tierEditor}), which checks and audits it; it is not edited as an attribute.',
  sub: "The sub is the user's permanent ID, given by Cognito; it cannot be changed.",
  identities: 'Linked identities are managed by Cognito; unlink one from the Linked identities section instead.',
  email_verified: 'Mark an address verified with "mark as verified" when you change it, or with "Mark email verified".',
  phone_number_verified: 'Mark a phone number verified with "mark as verified" when you change it.'
}

/** The field key of a form's attribute, as the front ends name it ("attributes.email" → --attr email). */
export const fieldOf = (name: string): string => `attributes.${name}`

/** The schema entry an attribute must have for this desk to touch it, or a refusal naming it. */
function definitionOf(schema: readonly AttributeSchema[], name: string, poolName: string): AttributeSchema {
  if (Object.hasOwn(NOT_HERE, name)) throw new AppError('VALIDATION', NOT_HERE[name]!, { [fieldOf(name)]: NOT_HERE[name]! })
  const definition = schema.find((attribute) => attribute.name === name)
  if (!definition) {
    throw new AppError('ATTRIBUTE_NOT_IN_SCHEMA', `The pool "${poolName}" has no attribute ${name}. Choose one of the pool's attributes.`, {
      [fieldOf(name)]: `The pool has no attribute ${name}`
    })
  }
  if (!definition.mutable) {
    const why = `${name} is set when a user is created and cannot be changed afterwards (the pool's schema makes it immutable).`
    throw new AppError('VALIDATION', why, { [fieldOf(name)]: 'Cannot be changed after the user was created' })
  }
  return definition
}

/** Why a value does not fit its attribute, or null when it does. */
export function valueProblem(definition: AttributeSchema, value: string): string | null {
  if (value === '') return 'Type a value, or remove the attribute instead'
  if (definition.name === 'phone_number' && !E164.test(value)) return 'A phone number starts with + and the country code, digits only, like +447700900123'
  if (definition.name === 'email' && !EMAIL.test(value)) return 'Enter a valid email address, like jane@example.com'
  switch (definition.type) {
    case 'Number': {
      if (!/^-?\d+$/.test(value)) return 'A whole number'
      const number = Number(value)
      if (definition.minValue !== undefined && number < definition.minValue) return `At least ${definition.minValue}`
      if (definition.maxValue !== undefined && number > definition.maxValue) return `At most ${definition.maxValue}`
      return null
    }
    case 'Boolean':
      return value === 'true' || value === 'false' ? null : 'true or false'
    case 'DateTime':
      return Number.isNaN(Date.parse(value)) ? 'A date and time, like 2026-12-05T09:30:00Z' : null
    default: {
      const min = definition.minLength ?? 0
      const max = definition.maxLength ?? DEFAULT_MAX_LENGTH
      if ([...value].length < min) return `At least ${min} characters`
      if ([...value].length > max) return `At most ${max} characters`
      return null
    }
  }
}

/** Refuses, naming every field at once, any value the pool would not take; nothing is sent before this passes. */
export function checkWrites(schema: readonly AttributeSchema[], poolName: string, attributes: Record<string, string>): void {
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(attributes)) {
    const problem = valueProblem(definitionOf(schema, name, poolName), value)
    if (problem) fields[fieldOf(name)] = problem
  }
  const names = Object.keys(fields)
  if (names.length) {
    const list = names.map((field) => `${field.slice('attributes.'.length)}: ${fields[field]}`).join('; ')
    throw new AppError('VALIDATION', `Nothing was changed. ${list}.`, fields)
  }
}

/** Refuses removing what the pool needs or cannot change, or what its users sign in with as their username. */
export function checkRemovals(
  schema: readonly AttributeSchema[],
  poolName: string,
  names: readonly string[],
  usernameAttributes: readonly string[] = []
): void {
  for (const name of names) {
    const definition = definitionOf(schema, name, poolName)
    if (usernameAttributes.includes(name)) {
      throw new AppError('VALIDATION', `${name} cannot be removed: on this pool it is what users sign in with as their username. Change its value instead.`, {
        [fieldOf(name)]: 'Users sign in with it'
      })
    }
    if (definition.required) {
      throw new AppError('VALIDATION', `${name} cannot be removed: the pool requires every user to have it. Change its value instead.`, {
        [fieldOf(name)]: 'The pool requires it'
      })
    }
  }
}
