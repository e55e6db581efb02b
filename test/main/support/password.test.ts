/**
 * Setting a password on the simulator's detailed pool: permanent or temporary, typed or made from the
 * pool's policy and handed over once; a password below the policy refused naming what it lacks with
 * nothing sent; and the canary: the password is in no reply, audit line or error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summarize } from '../../../src/main/audit/summary'
import { setPassword } from '../../../src/main/support/password'
import { passwordRules } from '../../../src/shared/passwordPolicy'
import { identitiesOf, type SimUserSeed } from '../../support/cognitoSim'
import { openSupportSim, type SupportSim } from './supportSim'

const users: SimUserSeed[] = [
  { username: 'ann', attributes: { email: 'ann@example.com', email_verified: 'true' } },
  { username: 'bob', status: 'RESET_REQUIRED', attributes: { email: 'bob@example.com' } },
  { username: 'Google_99', status: 'EXTERNAL_PROVIDER', attributes: { identities: identitiesOf([{ providerName: 'Google', userId: '99' }]) } }
]
const POLICY = {
  MinimumLength: 12,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 3
}

describe('setting a password', () => {
  let sim: SupportSim
  const handedOver: string[] = []
  const frontEnd = {
    handOverSecret: async (secret: string) => {
      handedOver.push(secret)
      return 'copied to the clipboard'
    }
  }
  beforeAll(async () => {
    sim = await openSupportSim(users, { PasswordPolicy: POLICY })
  })
  afterAll(() => sim.close())

  const stored = (username: string) => sim.sim.detailed!.user(username)!
  const lastIntent = () => sim.audit.entries.filter((e) => e.phase === 'intent').at(-1)!

  it('sets a permanent password: the user is CONFIRMED and signs in with it', async () => {
    const password = 'Perm-Passw0rd!x'
    const result = await setPassword(sim.deps, frontEnd, { username: 'bob', permanent: true, password })
    expect(result.message).toContain("bob's password is set: they sign in with it from now on")
    expect(stored('bob')).toMatchObject({ status: 'CONFIRMED', password })
    expect(result.user?.status).toBe('CONFIRMED')
    expect(summarize(lastIntent())).toBe('Password set, permanent')
    expect(JSON.stringify([result, sim.audit.entries])).not.toContain(password)
  })

  it('makes a temporary password from the policy and hands it over once, never in the reply or the trail', async () => {
    const result = await setPassword(sim.deps, frontEnd, { username: 'ann', permanent: false })
    const made = handedOver.at(-1)!
    expect(
      passwordRules(made, { minimumLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true }).every((r) => r.met)
    ).toBe(true)
    expect(stored('ann')).toMatchObject({ status: 'FORCE_CHANGE_PASSWORD', password: made })
    expect(result.message).toMatch(/ann has a temporary password: it works until .* \(3 days on this pool\)/)
    expect(result.message).toContain('The password was copied to the clipboard')
    expect(result.user?.verdict?.reason).toBe('temporary-password')
    expect(summarize(lastIntent())).toBe('Password set, temporary')
    expect(lastIntent().changes).toEqual({ password: 'temporary' })
    expect(JSON.stringify([result, sim.audit.entries])).not.toContain(made)
  })

  it('refuses a password below the policy, naming what it lacks, and sends nothing', async () => {
    const intents = sim.intents()
    const error = (await setPassword(sim.deps, frontEnd, { username: 'ann', permanent: true, password: 'short1' }).catch((e: unknown) => e)) as {
      code: string
      message: string
      fields: Record<string, string>
    }
    expect(error.code).toBe('PASSWORD_POLICY')
    expect(error.message).toBe(
      "The password does not meet this pool's policy; it needs at least 12 characters, an upper-case letter, a symbol such as ! @ # $ %. Nothing was changed."
    )
    expect(error.fields.password).toBe('Needs at least 12 characters, an upper-case letter, a symbol such as ! @ # $ %')
    expect(JSON.stringify(error)).not.toContain('short1')
    expect(sim.intents()).toBe(intents)
  })

  it('refuses to make a permanent password, or to set one for a user who signs in elsewhere', async () => {
    await expect(setPassword(sim.deps, frontEnd, { username: 'ann', permanent: true })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(setPassword(sim.deps, {}, { username: 'ann', permanent: false })).rejects.toMatchObject({ code: 'NOT_CONFIGURED' })
    const external = setPassword(sim.deps, frontEnd, { username: 'Google_99', permanent: true, password: 'Perm-Passw0rd!x' })
    await expect(external).rejects.toMatchObject({ code: 'USER_STATE', message: expect.stringContaining('signs in through Google') })
  })
})
