/** When a return may fall: at least a minute ahead (Scheduler runs a past `at` at once) and at most two years. */
import { AppError } from '../../shared/errors'
import { MAX_RETURN_DAYS, MIN_RETURN_LEAD_MS } from '../../shared/tierReturns'

const DAY_MS = 86_400_000

/** The return's instant, to the whole second; a date too soon or too far is refused naming the field. */
export function returnInstant(until: string, now: Date): Date {
  const at = new Date(Math.floor(Date.parse(until) / 1000) * 1000)
  if (Number.isNaN(at.getTime())) throw new AppError('VALIDATION', `"${until}" is not a date and time.`, { until: 'Enter a date and time' })
  if (at.getTime() - now.getTime() < MIN_RETURN_LEAD_MS) {
    throw new AppError('VALIDATION', `The return must be at least a minute from now (it was ${at.toISOString()}). Nothing was sent.`, {
      until: 'Choose a date and time in the future'
    })
  }
  if (at.getTime() - now.getTime() > MAX_RETURN_DAYS * DAY_MS) {
    throw new AppError('VALIDATION', `The return must be within ${MAX_RETURN_DAYS} days (two years) from now. Nothing was sent.`, {
      until: `Choose a date within ${MAX_RETURN_DAYS} days`
    })
  }
  return at
}
