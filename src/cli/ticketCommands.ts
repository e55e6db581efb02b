/**
 * The ticket's two ends: `open <link>` reads a ticket link exactly as the app does (the one parser,
 * src/shared/ticketLink.ts) and prints the user it names, for testing a link before it goes into a
 * ticket macro; `summary <username>` prints what "Copy summary" copies. Neither writes.
 */
import { quoted } from '../shared/display'
import { checkLinkPool, parseTicketLink, type TicketLink } from '../shared/ticketLink'
import { wordFor } from '../shared/wording'
import { UsageError } from './cliIo'
import { json, usernameOption, type Command, type CommandContext } from './command'
import { formatUser, formatUserRow } from './format'

function parsedLink(value: unknown): TicketLink {
  const parsed = parseTicketLink(value)
  if (!parsed.ok) throw new UsageError(`The link was refused: ${parsed.reason}`)
  return parsed.link
}

/** Whether the link's pool is the one this command opened (--profile, or the one chosen last); a usage error when not. */
async function checkPool(link: TicketLink, { call }: CommandContext): Promise<boolean> {
  if (link.pool === undefined) return true
  const [view, connection] = await Promise.all([call('listProfiles', undefined), call('getConnection', undefined)])
  if (!view || !connection) return false
  const activePoolId = connection.state === 'connected' ? connection.info.userPoolId : (connection.info?.userPoolId ?? '')
  const check = checkLinkPool(link, { profiles: view.profiles, activeId: view.activeId, activePoolId })
  if (!check.ok) throw new UsageError(`The link was refused: ${wordFor(check.reason, 'cli')}`)
  return true
}

export const open: Command = {
  required: ['link'],
  summary: 'Read a ticket link (tier-admin://open?…) as the app does and show the user it opens; nothing is changed',
  usage: "open 'tier-admin://open?email=E | username=U | sub=S[&pool=PROFILE]'",
  positional: 'link',
  options: { link: { type: 'string', description: 'The ticket link, quoted so the shell leaves its & alone' }, json },
  check: (values) => void parsedLink(values.link),
  run: async (context) => {
    const { call, print, io } = context
    const link = parsedLink(context.values.link)
    if (!(await checkPool(link, context))) return 1
    if (link.by === 'username') {
      const user = await call('getUser', { username: link.value })
      if (!user) return 1
      print(user, formatUser(user))
      return 0
    }
    // An email or a sub: the one find box's exact lookup, as the app's window does it.
    const found = await call('findUsers', { query: link.value })
    if (!found) return 1
    const only = found.users.length === 1 && !found.nextToken ? found.users[0] : undefined
    if (!only) {
      const several = found.users.length > 1 || found.nextToken
      io.err(
        several
          ? `More than one user has the ${link.by} ${quoted(link.value)}:\n${found.users.map(formatUserRow).join('\n')}\nOpen one with "tier-admin get <username>".`
          : `No user has the ${link.by} ${quoted(link.value)}.`
      )
      return 1
    }
    const user = await call('getUser', { username: only.username })
    if (!user) return 1
    print(user, formatUser(user))
    return 0
  }
}

export const summary: Command = {
  required: ['username'],
  summary: "Print a user's summary for a ticket (status, sign-in, tier, groups, contact, last changes); nothing secret",
  usage: 'summary <username> [--markdown]',
  positional: 'username',
  options: { username: usernameOption, markdown: { type: 'boolean', description: 'Print it as Markdown instead of plain text' }, json },
  run: async ({ values, call, print }) => {
    const result = await call('userSummary', { username: values.username })
    if (!result) return 1
    print(result, values.markdown ? result.markdown : result.text)
    return 0
  }
}
