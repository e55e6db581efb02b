/** One rule for tier values, for every front end and file: spaces and letter case forgiven, the rest refused by name. */
import { describe, expect, it } from 'vitest'
import { tierChangeSentence } from '../../src/shared/tierChange'
import { parseTier, tierEcho, tierFromInput } from '../../src/shared/tiers'

describe('a tier as given', () => {
  it.each([
    ['premium', 'premium'],
    ['Premium', 'premium'],
    [' STANDARD ', 'standard'],
    ['gold', null],
    ['pre mium', null],
    ['', null]
  ])('%j is %j', (typed, tier) => {
    expect(tierFromInput(typed)).toBe(tier)
  })

  it('says how it was taken, only when it differs from what was typed', () => {
    expect(tierEcho('Premium', 'premium')).toBe('"Premium" taken as premium')
    expect(tierEcho('premium', 'premium')).toBeNull()
  })

  it('refuses anything else with INVALID_TIER, and defaults only where allowed', () => {
    expect(parseTier(undefined, { allowOmitted: true })).toBe('standard')
    expect(() => parseTier(undefined, { allowOmitted: false })).toThrow(
      expect.objectContaining({ code: 'INVALID_TIER', message: expect.stringContaining('no tier') })
    )
    expect(() => parseTier('Gold', { allowOmitted: true })).toThrow(
      expect.objectContaining({ code: 'INVALID_TIER', message: expect.stringContaining('"Gold"') })
    )
  })

  it('words a change, and a change to the tier the user already has', () => {
    const from = { kind: 'tier', tier: 'standard' } as const
    expect(tierChangeSentence({ username: 'jane', from, to: 'premium' })).toBe('jane is now on the premium tier (was standard).')
    expect(
      tierChangeSentence({ username: 'jane', from: { kind: 'tier', tier: 'premium' }, to: 'premium', unchanged: true, taken: '"Premium" taken as premium' })
    ).toBe('jane is already on the premium tier ("Premium" taken as premium); nothing was sent.')
  })
})
