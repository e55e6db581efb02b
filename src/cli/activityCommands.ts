/**
 * A user's remembered devices and sign-in events, a page at a time (--next-token) or all at once
 * (--all), and what can be done about one: forget a device, mark an event valid or not.
 */
import type { Operation, ResultOf } from '../shared/contract'
import { UsageError, type Values } from './cliIo'
import { callAndPrint, json, usernameOption, type Call, type Command } from './command'
import { formatAction } from './format'
import { formatDevices, formatEvents } from './supportFormat'
import { shellArg } from './table'

const paging = {
  all: { type: 'boolean', description: 'Every page' },
  'next-token': { type: 'string', description: 'The page after the one that printed this token' }
} as const

type PagedOperation = Extract<Operation, 'listDevices' | 'listSignInEvents'>

/** One page, from --next-token when given, or with --all every page, gathered into the first by `merge`. */
async function readPages<K extends PagedOperation>(
  operation: K,
  values: Values,
  call: Call,
  merge: (all: ResultOf<K>, page: ResultOf<K>) => ResultOf<K>
): Promise<ResultOf<K> | null> {
  const read = (nextToken: unknown) => call(operation, { username: values.username, ...(nextToken ? { nextToken } : {}) })
  let all = await read(values['next-token'])
  while (all && values.all && 'nextToken' in all && all.nextToken) {
    const page = await read(all.nextToken)
    if (!page) return null
    all = merge(all, page)
  }
  return all
}

/** The command that prints the next page, when there is one. */
function morePages(name: string, username: unknown, nextToken: string | undefined): string {
  return nextToken ? `\nMore: tier-admin ${name} ${shellArg(String(username))} --next-token ${shellArg(nextToken)}   (or --all)` : ''
}

export const devices: Command = {
  required: ['username'],
  summary: "A user's remembered and tracked devices (AdminListDevices): name, last sign-in and IP, remembered or not",
  usage: 'devices <username> [--all | --next-token TOKEN]',
  positional: 'username',
  exclusive: [['all', 'next-token']],
  options: { username: usernameOption, ...paging, json },
  run: async ({ values, call, print }) => {
    const page = await readPages('listDevices', values, call, (all, next) => ({ devices: [...all.devices, ...next.devices], nextToken: next.nextToken }))
    if (!page) return 1
    print(page, formatDevices(String(values.username), page.devices) + morePages('devices', values.username, page.nextToken))
    return 0
  }
}

export const forgetDevice: Command = {
  required: ['username', 'device-key'],
  summary: 'Forget a remembered device (AdminForgetDevice): the next sign-in from it is treated as a new device',
  usage: 'forget-device <username> <device-key>',
  positional: ['username', 'device-key'],
  options: { username: usernameOption, 'device-key': { type: 'string', description: 'The device\'s key, as "devices" lists it' }, json },
  run: callAndPrint('forgetDevice', (values) => ({ username: values.username, deviceKey: values['device-key'] }), formatAction)
}

export const signInEvents: Command = {
  required: ['username'],
  summary: "A user's sign-in events from threat protection (AdminListUserAuthEvents): time, outcome, risk, where from",
  usage: 'sign-in-events <username> [--all | --next-token TOKEN]',
  positional: 'username',
  exclusive: [['all', 'next-token']],
  options: { username: usernameOption, ...paging, json },
  run: async ({ values, call, print }) => {
    const page = await readPages('listSignInEvents', values, call, (all, next) =>
      all.recorded && next.recorded ? { recorded: true, events: [...all.events, ...next.events], nextToken: next.nextToken } : next
    )
    if (!page) return 1
    // Not an error: the pool keeps no events to show, and `why` says so and what would make it keep them.
    if (!page.recorded) print(page, page.why)
    else print(page, formatEvents(String(values.username), page.events) + morePages('sign-in-events', values.username, page.nextToken))
    return 0
  }
}

const FEEDBACK = { valid: 'Valid', invalid: 'Invalid' } as const

export const eventFeedback: Command = {
  required: ['username', 'event-id', 'feedback'],
  summary: 'Mark a sign-in event as valid (it was them) or invalid (it was not), which threat protection learns from',
  usage: 'event-feedback <username> <event-id> valid|invalid',
  positional: ['username', 'event-id', 'feedback'],
  options: {
    username: usernameOption,
    'event-id': { type: 'string', description: 'The event\'s id, as "sign-in-events" lists it' },
    feedback: { type: 'string', description: 'valid (it was them) or invalid (it was not)' },
    json
  },
  check: (values) => {
    feedbackOf(values)
  },
  run: callAndPrint('eventFeedback', (values) => ({ username: values.username, eventId: values['event-id'], feedback: feedbackOf(values) }), formatAction)
}

function feedbackOf(values: Values): 'Valid' | 'Invalid' {
  const word = String(values.feedback).toLowerCase()
  if (!Object.hasOwn(FEEDBACK, word)) throw new UsageError('The feedback is valid (it was them) or invalid (it was not).')
  return FEEDBACK[word as keyof typeof FEEDBACK]
}
