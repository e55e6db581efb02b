/**
 * Each front end words a message in its own terms: the app speaks of screens and fields, the CLI of
 * commands and flags. Messages from the services mark such places with a token ("{usersScreen}"),
 * and the one IPC path words them for whoever asked, so a sentence is written once.
 */
export type Audience = 'app' | 'cli'

const PLACES: Record<string, Record<Audience, string>> = {
  '{usersScreen}': { app: 'on the Users screen', cli: 'with "tier-admin search" or "tier-admin get"' },
  '{statsScreen}': { app: 'on the Statistics screen', cli: 'with "tier-admin stats"' },
  '{tierField}': { app: 'the Tier field', cli: '--tier' },
  '{schedulerRoleField}': {
    app: 'the profile\'s "Scheduler role ARN" field (profile menu, Edit)',
    cli: '"tier-admin profiles edit ID --scheduler-role-arn ARN"'
  },
  '{tierEditor}': { app: "the user's tier editor", cli: '"tier-admin set-tier"' },
  '{emailField}': { app: 'the Email field', cli: '--email' },
  '{outFile}': { app: 'in the save dialog', cli: 'with --out FILE' },
  '{giveReason}': {
    app: 'Type the ticket or reason in the "Ticket or reason" field at the top of the window, then try again.',
    cli: 'Give --reason "TICKET-123 what it is for" with the command.'
  },
  '{otherPools}': {
    app: 'the Sandbox and From the environment profiles still work: choose one in the profile menu',
    cli: "the sandbox and the environment's pool still work: add --profile sandbox or --profile environment"
  },
  '{restartSandbox}': { app: 'Restart the sandbox', cli: 'Run the command again: it starts the sandbox afresh' },
  '{thenRetry}': { app: 'then restart the app', cli: 'then run the command again' },
  '{ifPersists}': { app: 'if it keeps happening, restart the app', cli: 'if it keeps happening, check the data folder and the disk' },
  '{dropAttribute}': { app: 'remove it from this form', cli: 'leave it out (its --attr, or its column in the file)' },
  '{switchProfile}': {
    app: 'choose it in the profile menu of the connection bar if that is the pool you mean, then open the link again.',
    cli: 'add --profile with its id to the command if that is the pool you mean.'
  },
  '{scanFigures}': { app: 'its figures then show here too', cli: 'its figures are then what "tier-admin stats" prints' }
}

/** What is wrong with a key a request does not take: the app's forms have fields, the CLI's commands options. */
export const UNKNOWN_FIELD: Record<Audience, string> = {
  app: 'This form has no such field',
  cli: 'This command has no such option'
}

/** Every place token, so a test can check each front end's words. */
export const PLACE_TOKENS = Object.keys(PLACES)

export function wordFor(message: string, audience: Audience): string {
  return message.replace(/\{[A-Za-z]+\}/g, (token) => PLACES[token]?.[audience] ?? token)
}

/**
 * Words every error inside a result (a connection status, a scan's failure, a refresh that failed
 * after a write): any object with a code and a message.
 */
export function wordErrorsIn<T>(value: T, audience: Audience): T {
  if (Array.isArray(value)) return value.map((item) => wordErrorsIn(item, audience)) as T
  if (!value || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const worded: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(record)) worded[key] = inner && typeof inner === 'object' ? wordErrorsIn(inner, audience) : inner
  if (typeof record.code === 'string' && typeof record.message === 'string') worded.message = wordFor(record.message, audience)
  return worded as T
}

/** A form field as the CLI names it: "email" → "--email", "attributes.company" → "--attr company", "names.0" → "the attribute name". */
export function flagFor(field: string): string {
  if (field.startsWith('attributes.')) return `--attr ${field.slice('attributes.'.length)}`
  if (field === 'attributes') return '--attr'
  if (field === 'query') return 'the search value'
  if (field === 'bucket') return 'the tier'
  // Never a flag: a password comes on standard input or at a prompt.
  if (field === 'password') return 'the password'
  if (/^names(\.\d+)?$/.test(field)) return 'the attribute name'
  return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
}

/** What must be corrected before a request can go, in the words of the front end that asked: "Please correct the form: Password." */
export function correctionRequest(problems: readonly string[], audience: Audience): string {
  return `${audience === 'cli' ? 'Check the options' : 'Please correct the form'}: ${problems.join('; ')}.`
}

/** The one-line summary of field problems, in the words of the front end that asked. */
export function validationSummary(fields: Record<string, string>, audience: Audience): string {
  const parts = Object.entries(fields).map(([field, message]) => (field === 'request' ? message : `${audience === 'cli' ? flagFor(field) : field}: ${message}`))
  return correctionRequest(parts, audience)
}
