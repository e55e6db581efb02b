/**
 * The support desk's channels of the IPC contract (finding a person, their attributes, password, MFA,
 * devices, sign-in events and linked identities), spread into `contract` (contract.ts) so the handler
 * table, the preload and `window.api` derive them like every other channel.
 */
import { z } from 'zod'
import { password, returns, typed, username } from './contractSchemas'
import type { AccountActionResult, FindResult } from './domain'
import type { DevicesPage, SignInEventsPage, TicketSummary } from './support'

/** Keys that name an object's prototype machinery rather than a value. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** An attribute as the pool names it: "email", "given_name", "custom:company". Whether the pool has it is main's check. */
const poolAttributeName = typed(undefined, 60, 'Not an attribute name')
  .regex(/^(custom:|dev:)?[\p{L}\p{N}_]{1,40}$/u, 'Not an attribute name')
  .refine((name) => !PROTOTYPE_KEYS.has(name.replace(/^custom:/, '')), 'This attribute name is reserved')

const nextToken = z.string().max(4096).optional()

export const supportSchemas = {
  findUsers: z
    .object({
      query: typed('Type an email, a username, a phone number or a sub', 2048, 'A search has at most 2,048 characters').min(
        1,
        'Type an email, a username, a phone number or a sub'
      ),
      nextToken
    })
    .strict(),
  setAttributes: z
    .object({
      username,
      /** Attribute name → its new value; each checked against the pool's schema in main. */
      attributes: z
        .record(poolAttributeName, z.string().max(2048, 'An attribute value has at most 2,048 characters'))
        .refine((attributes) => Object.keys(attributes).length >= 1, 'Change at least one attribute')
        .refine((attributes) => Object.keys(attributes).length <= 50, 'At most 50 attributes at once'),
      /** Mark a changed email or phone number as verified: the operator checked it another way. */
      markVerified: z.boolean().optional()
    })
    .strict(),
  deleteAttributes: z
    .object({ username, names: z.array(poolAttributeName).min(1, 'Choose an attribute to remove').max(50, 'At most 50 attributes at once') })
    .strict(),
  setPassword: z
    .object({
      username,
      /** Permanent: the user signs in with it as it is. Temporary: they must choose a new one at next sign-in. */
      permanent: z.boolean({ error: 'Choose a temporary or a permanent password' }),
      /** Absent for a temporary password main makes from the pool's policy and hands to the clipboard, never to the window. */
      password: password.optional()
    })
    .strict(),
  page: z.object({ username, nextToken }).strict(),
  forgetDevice: z.object({ username, deviceKey: typed('Choose a device', 55, 'Not a device key').regex(/^[\w-]+_[0-9a-f-]+$/, 'Not a device key') }).strict(),
  eventFeedback: z
    .object({
      username,
      eventId: typed('Choose a sign-in event', 50, 'Not a sign-in event id').regex(/^[\w+-]+$/, 'Not a sign-in event id'),
      feedback: z.enum(['Valid', 'Invalid'], { error: 'Choose valid or not valid' })
    })
    .strict(),
  unlinkIdentity: z
    .object({
      username,
      providerName: typed('Choose a linked identity', 32, 'Not a provider name').min(1, 'Choose a linked identity'),
      /** The person's id at the provider, as `identities` holds it. */
      providerUserId: typed('Choose a linked identity', 256, 'Not a provider user id').min(1, 'Choose a linked identity')
    })
    .strict()
}

const byUsername = z.object({ username }).strict()

export const supportChannels = {
  /** One box for a ticket's email, username, phone number or sub; part of an email is looked up in the last scan. */
  findUsers: { channel: 'users:find', request: supportSchemas.findUsers, result: returns<FindResult>() },
  setAttributes: { channel: 'users:set-attributes', write: true, request: supportSchemas.setAttributes, result: returns<AccountActionResult>() },
  deleteAttributes: { channel: 'users:delete-attributes', write: true, request: supportSchemas.deleteAttributes, result: returns<AccountActionResult>() },
  /** A generated temporary password goes to the clipboard from main; the reply never carries a password. */
  setPassword: { channel: 'users:set-password', write: true, request: supportSchemas.setPassword, result: returns<AccountActionResult>() },
  resetMfa: { channel: 'users:reset-mfa', write: true, request: byUsername, result: returns<AccountActionResult>() },
  listDevices: { channel: 'users:devices', request: supportSchemas.page, result: returns<DevicesPage>() },
  forgetDevice: { channel: 'users:forget-device', write: true, request: supportSchemas.forgetDevice, result: returns<AccountActionResult>() },
  /** Where the pool records no sign-in events (threat protection off), says so and what turns it on. */
  listSignInEvents: { channel: 'users:sign-in-events', request: supportSchemas.page, result: returns<SignInEventsPage>() },
  eventFeedback: { channel: 'users:event-feedback', write: true, request: supportSchemas.eventFeedback, result: returns<AccountActionResult>() },
  unlinkIdentity: { channel: 'users:unlink', write: true, request: supportSchemas.unlinkIdentity, result: returns<AccountActionResult>() },
  /** The account's state and last changes as plain text and Markdown, for a ticket: the same words as `tier-admin summary`. */
  userSummary: { channel: 'users:summary', request: byUsername, result: returns<TicketSummary>() }
} as const
