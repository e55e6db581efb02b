/** A return's date and time picked in the operator's clock goes to main as an instant with its zone, and reads back as picked. */
import { expect, it } from 'vitest'
import { instantToLocalInput, localDateTime, localInputToInstant } from '../../../src/renderer/src/lib/localInstant'
import { isIsoInstant } from '../../../src/shared/tierReturns'

it('turns a local pick into an instant with a zone the contract accepts, and back', () => {
  const instant = localInputToInstant('2027-01-15T09:00')!
  expect(isIsoInstant(instant)).toBe(true)
  expect(instant).toMatch(/^2027-01-15T09:00:00[+-]\d{2}:\d{2}$/)
  expect(instantToLocalInput(instant)).toBe('2027-01-15T09:00')
  expect(localDateTime(instant)).toBe('15 Jan 2027, 09:00')
})

it('refuses what is not a date and time', () => {
  for (const value of ['', '2027-01-15', '2027-02-30T09:00', '2027-01-15T9:00', 'soon']) expect(localInputToInstant(value)).toBeNull()
})
