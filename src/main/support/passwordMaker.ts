/**
 * A temporary password made from the pool's policy: long, random, with a character of every class
 * the policy asks for. Made in main and handed to the operator once (the clipboard, the CLI's output);
 * it never crosses the bridge, and nothing keeps it.
 */
import { randomInt } from 'node:crypto'
import type { PasswordPolicy } from '../../shared/domain'

/** Long enough to be unguessable whatever the policy's minimum; Cognito takes up to 256. */
const GENERATED_LENGTH = 20

// Letters and digits that cannot be mistaken for each other when read aloud or copied by hand.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const LOWER = 'abcdefghijkmnopqrstuvwxyz'
const DIGITS = '23456789'
/** Symbols from Cognito's set that survive a chat message, an email and a shell. */
const SYMBOLS = '!#%+-=?@^_'

const pick = (set: string): string => set[randomInt(set.length)]!

export function makeTemporaryPassword(policy: PasswordPolicy): string {
  const length = Math.max(GENERATED_LENGTH, policy.minimumLength)
  // Every class in every password: a policy asking for fewer is still met.
  const classes = [UPPER, LOWER, DIGITS, SYMBOLS]
  const characters = classes.map(pick)
  const all = classes.join('')
  while (characters.length < length) characters.push(pick(all))
  // Fisher–Yates, so the required classes are not always first.
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[characters[i], characters[j]] = [characters[j]!, characters[i]!]
  }
  return characters.join('')
}
