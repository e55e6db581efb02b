/**
 * Values in messages: an operator's typo can be 10,000 characters long or hold invisible characters,
 * and a message that echoes it whole fills the screen. At most 100 characters are shown, quoted.
 */
export const MAX_ECHOED_CHARACTERS = 100

export function quoted(value: string): string {
  const shown = value.length > MAX_ECHOED_CHARACTERS ? `${value.slice(0, MAX_ECHOED_CHARACTERS)}… (${value.length} characters)` : value
  return `"${shown}"`
}
