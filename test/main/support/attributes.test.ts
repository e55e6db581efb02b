/**
 * Changing and removing attributes on the simulator's detailed pool: the values Cognito then holds,
 * what the message says will happen on this pool to a changed email or phone number, and every bad
 * input refused in the operator's words before anything is sent (the pool unchanged, no audit intent).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deleteAttributes, setAttributes } from '../../../src/main/support/attributes'
import { summarize } from '../../../src/main/audit/summary'
import type { SimUserSeed } from '../../support/cognitoSim'
import { openSupportSim, type SupportSim } from './supportSim'

const users: SimUserSeed[] = [
  { username: 'ann', attributes: { email: 'ann@example.com', email_verified: 'true', given_name: 'Ann', 'custom:user_tier': 'standard' } },
  { username: 'bea', attributes: { email: 'bea@example.com', email_verified: 'true', phone_number: '+447700900111', phone_number_verified: 'true' } },
  { username: 'cat', attributes: { email: 'cat@example.com', email_verified: 'true' } }
]

describe('attributes', () => {
  let sim: SupportSim
  beforeAll(async () => {
    sim = await openSupportSim(users, {
      AliasAttributes: ['email', 'phone_number'],
      AutoVerifiedAttributes: ['email'],
      AttributesRequireVerificationBeforeUpdate: ['email'],
      CustomAttributes: [
        { Name: 'user_tier', StringAttributeConstraints: { MaxLength: '256' } },
        { Name: 'employee_id', Mutable: false },
        { Name: 'seats', AttributeDataType: 'Number' }
      ]
    })
  })
  afterAll(() => sim.close())

  const stored = (username: string) => sim.sim.detailed!.user(username)!

  /** Refused with this code and field, and nothing sent: the user as before, no intent in the trail. */
  async function refused(request: Promise<unknown>, code: string, field: string): Promise<string> {
    const before = JSON.stringify(sim.sim.detailed!.users())
    const intents = sim.intents()
    const error = (await request.then(
      () => null,
      (e: unknown) => e
    )) as { code: string; message: string; fields?: Record<string, string> } | null
    expect(error, 'was not refused').not.toBeNull()
    expect(error!.code).toBe(code)
    expect(Object.keys(error!.fields ?? {})).toContain(field)
    expect(JSON.stringify(sim.sim.detailed!.users())).toBe(before)
    expect(sim.intents()).toBe(intents)
    return error!.message
  }

  it('changes a plain attribute and shows before → after, read back', async () => {
    const result = await setAttributes(sim.deps, { username: 'ann', attributes: { given_name: 'Anna', family_name: 'Lee' } })
    expect(result.message).toBe('ann: given_name "Ann" → "Anna"; family_name set to "Lee".')
    expect(stored('ann').attributes).toMatchObject({ given_name: 'Anna', family_name: 'Lee' })
    expect(result.user?.attributes).toEqual(expect.arrayContaining([{ name: 'given_name', value: 'Anna' }]))
    expect(result.user?.verdict?.reason).toBe('ok')
    // The trail names what changed and withholds the values.
    const intent = sim.audit.entries.filter((e) => e.phase === 'intent').at(-1)!
    expect(intent.changes).toEqual({ given_name: '(set)', family_name: '(set)' })
  })

  it('says that a code goes to the new email and the old one stays in use until it is verified', async () => {
    const result = await setAttributes(sim.deps, { username: 'ann', attributes: { email: 'ann.new@example.com' } })
    expect(result.message).toContain('Cognito sends an email with a verification code to the new email address.')
    expect(result.message).toContain('Until they enter it, the old email address ann@example.com stays in use')
    expect(stored('ann').attributes.email).toBe('ann@example.com')
    expect(stored('ann').pendingAttributes.email).toBe('ann.new@example.com')
    expect(sim.sim.detailed!.messages.at(-1)).toMatchObject({ destination: 'ann.new@example.com' })
  })

  it('marks a changed address verified in the same write when asked', async () => {
    const result = await setAttributes(sim.deps, { username: 'ann', attributes: { email: 'ann.checked@example.com' }, markVerified: true })
    expect(result.message).toContain('marked as verified: it works for sign-in and codes at once, and no code is sent')
    expect(stored('ann').attributes).toMatchObject({ email: 'ann.checked@example.com', email_verified: 'true' })
    const intent = sim.audit.entries.filter((e) => e.phase === 'intent').at(-1)!
    expect(summarize(intent)).toBe('Email marked verified; Changed email')
  })

  it('says that no code is sent for a phone number on a pool that does not verify them', async () => {
    const result = await setAttributes(sim.deps, { username: 'bea', attributes: { phone_number: '+447700900222' } })
    expect(result.message).toContain('This pool does not verify phone numbers itself: no code is sent')
    expect(stored('bea').attributes).toMatchObject({ phone_number: '+447700900222', phone_number_verified: 'false' })
  })

  it('refuses a phone number without its +, an email held by another user, an immutable attribute, a bad number', async () => {
    expect(
      await refused(setAttributes(sim.deps, { username: 'cat', attributes: { phone_number: '07700900333' } }), 'VALIDATION', 'attributes.phone_number')
    ).toContain('phone_number: A phone number starts with + and the country code')
    expect(await refused(setAttributes(sim.deps, { username: 'cat', attributes: { email: 'not-an-email' } }), 'VALIDATION', 'attributes.email')).toContain(
      'Enter a valid email address'
    )
    expect(
      await refused(setAttributes(sim.deps, { username: 'cat', attributes: { 'custom:employee_id': 'E1' } }), 'VALIDATION', 'attributes.custom:employee_id')
    ).toContain('cannot be changed afterwards')
    expect(
      await refused(setAttributes(sim.deps, { username: 'cat', attributes: { 'custom:seats': 'many' } }), 'VALIDATION', 'attributes.custom:seats')
    ).toContain('A whole number')
    expect(
      await refused(setAttributes(sim.deps, { username: 'cat', attributes: { nickname: 'x'.repeat(2049) } }), 'VALIDATION', 'attributes.nickname')
    ).toContain('At most 2048 characters')
    expect(
      await refused(setAttributes(sim.deps, { username: 'cat', attributes: { 'custom:nope': 'x' } }), 'ATTRIBUTE_NOT_IN_SCHEMA', 'attributes.custom:nope')
    ).toContain('has no attribute custom:nope')
  })

  it('refuses the tier and the sub: the tier has its own operation', async () => {
    expect(
      await refused(setAttributes(sim.deps, { username: 'ann', attributes: { 'custom:user_tier': 'premium' } }), 'VALIDATION', 'attributes.custom:user_tier')
    ).toContain('The tier is changed with its own operation')
    expect(await refused(setAttributes(sim.deps, { username: 'ann', attributes: { sub: 'x' } }), 'VALIDATION', 'attributes.sub')).toContain('cannot be changed')
    expect(await refused(deleteAttributes(sim.deps, 'ann', ['custom:user_tier']), 'VALIDATION', 'attributes.custom:user_tier')).toContain('its own operation')
  })

  it('sends nothing when the values are already there', async () => {
    const intents = sim.intents()
    const result = await setAttributes(sim.deps, { username: 'cat', attributes: { email: 'cat@example.com' } })
    expect(result.message).toBe('cat already has these values; nothing was changed.')
    expect(sim.intents()).toBe(intents)
  })

  it('removes an attribute, and refuses one the pool requires', async () => {
    const result = await deleteAttributes(sim.deps, 'ann', ['family_name'])
    expect(result.message).toBe('Removed from ann: family_name (was "Lee").')
    expect(stored('ann').attributes.family_name).toBeUndefined()
    expect(summarize(sim.audit.entries.filter((e) => e.phase === 'intent').at(-1)!)).toBe('Removed family_name')
    expect((await deleteAttributes(sim.deps, 'ann', ['family_name'])).message).toBe('ann has no family_name; nothing was removed.')
  })
})

describe('an email another user signs in with', () => {
  it('is refused in words naming the field, and nothing changes', async () => {
    const sim = await openSupportSim(users, { AliasAttributes: ['email'], AutoVerifiedAttributes: ['email'] })
    try {
      // bea's email is verified, so it is her sign-in alias; cat's would be one too once marked verified.
      const taken = await setAttributes(sim.deps, { username: 'cat', attributes: { email: 'bea@example.com' }, markVerified: true }).catch((e: unknown) => e)
      expect(taken).toMatchObject({ code: 'USERNAME_EXISTS', fields: { 'attributes.email': 'Another user already signs in with this email address' } })
      expect((taken as Error).message).toContain('already signs in with the email address bea@example.com')
      expect((taken as Error).message).not.toContain('Exception')
      expect(sim.sim.detailed!.user('cat')!.attributes.email).toBe('cat@example.com')
      // Unverified, Cognito would take it, and cat could never verify it: refused before anything is sent.
      const intents = sim.intents()
      await expect(setAttributes(sim.deps, { username: 'cat', attributes: { email: 'bea@example.com' } })).rejects.toMatchObject({ code: 'USERNAME_EXISTS' })
      expect(sim.intents()).toBe(intents)
      expect(sim.sim.detailed!.user('cat')!.attributes.email).toBe('cat@example.com')
    } finally {
      await sim.close()
    }
  })
})

describe('an attribute the pool requires', () => {
  it('cannot be removed, nor the email users sign in with', async () => {
    const sim = await openSupportSim([{ username: 'dan', attributes: { email: 'dan@example.com', name: 'Dan' } }], {
      RequiredAttributes: ['name'],
      UsernameAttributes: ['email']
    })
    try {
      const error = await deleteAttributes(sim.deps, 'dan', ['name']).catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'VALIDATION', fields: { 'attributes.name': 'The pool requires it' } })
      const email = await deleteAttributes(sim.deps, 'dan', ['email']).catch((e: unknown) => e)
      expect(email).toMatchObject({ code: 'VALIDATION', fields: { 'attributes.email': 'Users sign in with it' } })
      expect(sim.intents()).toBe(0)
    } finally {
      await sim.close()
    }
  })
})
