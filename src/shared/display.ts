/**
 * Values in messages: an operator's typo can be 10,000 characters long or hold invisible characters,
 * and a message that echoes it whole fills the screen. At most 100 characters are shown, quoted.
 */
export const MAX_ECHOED_CHARACTERS = 100

export function quoted(value: string): string {
  const shown = value.length > MAX_ECHOED_CHARACTERS ? `${value.slice(0, MAX_ECHOED_CHARACTERS)}… (${value.length} characters)` : value
  return `"${shown}"`
}

/** A count with its noun in the right number: "1 row", "2 rows", "1 entry", "3 entries". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`
}

/** A value in a listing: quoted when it has spaces at either end or inside, or is empty, so " premium" reads as such. */
export function shownValue(value: string): string {
  return value === '' || /\s/.test(value) || value.startsWith('"') ? JSON.stringify(value) : value
}
