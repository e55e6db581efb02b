/**
 * `find`: the person from a ticket, by whatever it gives (an email, a username, a phone number, a sub,
 * or part of an email), the same one box as the user page's. Every page is printed.
 */
import { quoted } from '../shared/display'
import type { FindResult, FoundBy } from '../shared/domain'
import { json, type Command } from './command'
import { formatMembers, formatUserRow } from './format'
import { shellArg } from './table'

const FOUND_BY: Record<FoundBy, string> = {
  email: 'email address',
  sub: 'sub',
  phone: 'phone number',
  username: 'username',
  'email-part': 'part of an email'
}

export const find: Command = {
  required: ['query'],
  summary: 'Find a person from a ticket: an email, username, phone number or sub, or part of an email (from the last scan)',
  usage: 'find <email | username | +phone | sub | part-of-email>',
  positional: 'query',
  options: { query: { type: 'string', description: 'What the ticket gives (the bare argument); "@acme.com" is part of an email' }, json },
  run: async ({ values, call, print }) => {
    const first = await call('findUsers', { query: values.query })
    if (!first) return 1
    const all: FindResult = { ...first, users: [...first.users] }
    for (let nextToken = first.nextToken; nextToken;) {
      const page = await call('findUsers', { query: values.query, nextToken })
      if (!page) return 1
      all.users.push(...page.users)
      nextToken = page.nextToken
    }
    delete all.nextToken
    print(all, formatFound(String(values.query), all))
    // Part of an email with no finished scan has nothing to look in: run `stats` first.
    return all.scan === null ? 1 : 0
  }
}

function formatFound(query: string, found: FindResult): string {
  const as = `Taken as ${FOUND_BY[found.foundBy]}.`
  const lowered = found.loweredCase ? ` Nothing matched ${quoted(query)} as typed (Cognito matches case by case); these match it in lower case.` : ''
  const lines = [as + lowered]
  if (found.users.length) lines.push(...found.users.map(formatUserRow))
  if (found.users.length === 1) lines.push(`Their page, with whether they can sign in: tier-admin get ${shellArg(found.users[0]!.username)}`)
  if (found.scan === null) {
    lines.push('No statistics scan of this pool has finished, and part of an email is looked up in its copy: run "tier-admin stats" first.')
  } else if (found.scan) {
    const { finishedAt, members, truncated } = found.scan
    lines.push(`From the statistics scan finished ${finishedAt} (users created or changed since are not in it):`)
    lines.push(members.length ? formatMembers({ members, total: members.length }) : `No email in it contains ${quoted(query)}.`)
    if (truncated) lines.push(`Only the first ${members.length} matches are shown: type more of the address.`)
  } else if (!found.users.length) {
    lines.push(`No user matches ${quoted(query)}.`)
  }
  return lines.join('\n')
}
