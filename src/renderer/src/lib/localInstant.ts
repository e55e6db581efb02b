/**
 * The operator picks a return's date and time in their own clock (a `datetime-local` field, which
 * carries no zone); the contract wants an instant with its zone, so main never guesses the window's.
 */

const pad = (value: number): string => String(value).padStart(2, '0')

/** "2027-01-15T09:00" in this computer's zone → "2027-01-15T09:00:00+01:00"; null when it is not a time. */
export function localInputToInstant(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return null
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number]
  const date = new Date(year, month - 1, day, hour, minute)
  if (Number.isNaN(date.getTime()) || date.getDate() !== day) return null
  // getTimezoneOffset is minutes behind UTC, for that date (summer and winter time differ).
  const ahead = -date.getTimezoneOffset()
  const sign = ahead >= 0 ? '+' : '-'
  const zone = `${sign}${pad(Math.floor(Math.abs(ahead) / 60))}:${pad(Math.abs(ahead) % 60)}`
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00${zone}`
}

/** An instant as a `datetime-local` value in this computer's zone (to start a field at a return's date). */
export function instantToLocalInput(iso: string): string {
  const date = new Date(iso)
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** "15 Jan 2027, 09:00" in this computer's zone: how the operator's own pick reads back on a button. */
export function localDateTime(iso: string): string {
  const date = new Date(iso)
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false })
  return `${day}, ${time}`
}
