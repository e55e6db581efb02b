import type { PasswordPolicy } from './domain'

// Cognito's symbol set for password policies.
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/

export interface PasswordRule {
  id: 'length' | 'uppercase' | 'lowercase' | 'number' | 'symbol'
  label: string
  met: boolean
}

/** Each rule of the pool's policy, met or not, in the order the form lists them. */
export function passwordRules(password: string, policy: PasswordPolicy): PasswordRule[] {
  const rules: PasswordRule[] = [{ id: 'length', label: `At least ${policy.minimumLength} characters`, met: password.length >= policy.minimumLength }]
  if (policy.requireUppercase) rules.push({ id: 'uppercase', label: 'An upper-case letter', met: /\p{Lu}/u.test(password) })
  if (policy.requireLowercase) rules.push({ id: 'lowercase', label: 'A lower-case letter', met: /\p{Ll}/u.test(password) })
  if (policy.requireNumbers) rules.push({ id: 'number', label: 'A number', met: /\d/.test(password) })
  if (policy.requireSymbols) rules.push({ id: 'symbol', label: 'A symbol such as ! @ # $ %', met: SYMBOLS.test(password) })
  return rules
}

export function unmetPasswordRules(password: string, policy: PasswordPolicy): string[] {
  return passwordRules(password, policy)
    .filter((rule) => !rule.met)
    .map((rule) => rule.label.toLowerCase())
}
