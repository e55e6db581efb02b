/** A refused field named as the CLI's user knows it: a flag, or a bare argument that is never a flag. */
import { describe, expect, it } from 'vitest'
import { flagFor, validationSummary } from '../../src/shared/wording'

describe('flagFor', () => {
  it('names fields as flags, and the password and attribute names as what they are on the command line', () => {
    expect(flagFor('deviceKey')).toBe('--device-key')
    expect(flagFor('providerUserId')).toBe('--provider-user-id')
    expect(flagFor('attributes.phone_number')).toBe('--attr phone_number')
    expect(flagFor('password')).toBe('the password')
    expect(flagFor('names.3')).toBe('the attribute name')
    expect(validationSummary({ password: 'A password cannot begin or end with a space' }, 'cli')).toBe(
      'Check the options: the password: A password cannot begin or end with a space.'
    )
  })
})
