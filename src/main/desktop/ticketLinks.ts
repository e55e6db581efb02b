/**
 * Ticket links in the app: the `tier-admin:` scheme registered with the operating system, a link
 * found in a launch's arguments (the first launch's own, or a second launch's handed over through
 * the single-instance lock), and the inbox that holds links until the window's page listens. Each
 * link is parsed and checked against the open connection here; the window only hears "open this
 * user" or "refused, because…". Nothing here writes.
 */
import { resolve } from 'node:path'
import type { App } from 'electron'
import type { OpenLinkEvent } from '../../shared/ticketLinkEvent'
import type { AppContext } from '../app/appContext'
import { checkLinkPool, LINK_SCHEME, parseTicketLink, type LinkPoolContext } from '../../shared/ticketLink'
import { wordFor } from '../../shared/wording'

/** Links queued before the page listens; a burst beyond this is dropped rather than kept without bound. */
const MAX_WAITING = 5

/**
 * Makes this app the handler of tier-admin: links. An unpackaged run (`electron .`) is registered as
 * Electron's own binary with the app's folder as its argument, as Electron's deep-link guide does,
 * or the OS would start a bare Electron.
 */
export function registerLinkScheme(app: Pick<App, 'setAsDefaultProtocolClient'>, proc: Pick<NodeJS.Process, 'defaultApp' | 'execPath' | 'argv'>): boolean {
  if (proc.defaultApp) {
    const appPath = proc.argv[1]
    return appPath ? app.setAsDefaultProtocolClient(LINK_SCHEME, proc.execPath, [resolve(appPath)]) : false
  }
  return app.setAsDefaultProtocolClient(LINK_SCHEME)
}

/** The link among a launch's arguments (Windows and Linux pass it as one), if any. */
export function linkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.slice(0, LINK_SCHEME.length + 1).toLowerCase() === `${LINK_SCHEME}:`)
}

/** What the window is told of one link. The connection is asked about only when the link names a pool. */
export async function linkEvent(raw: string, poolContext: () => Promise<LinkPoolContext>): Promise<OpenLinkEvent> {
  const parsed = parseTicketLink(raw)
  if (!parsed.ok) return { kind: 'refused', reason: parsed.reason }
  const { link } = parsed
  if (link.pool !== undefined) {
    const check = checkLinkPool(link, await poolContext())
    if (!check.ok) return { kind: 'refused', reason: wordFor(check.reason, 'app') }
  }
  return { kind: 'open', by: link.by, value: link.value }
}

export interface LinkInbox {
  /** A link from the operating system: told to the window now, or once it listens. */
  receive(raw: string): void
  /** The window's page listens now: every waiting link, then each new one, is told to `send`. */
  attach(send: (event: OpenLinkEvent) => void): void
}

/** Links arrive before the window exists (macOS sends open-url before ready; the first launch's own argument): they wait here. */
export function createLinkInbox(toEvent: (raw: string) => Promise<OpenLinkEvent>): LinkInbox {
  let send: ((event: OpenLinkEvent) => void) | null = null
  const waiting: string[] = []
  const deliver = (raw: string, to: (event: OpenLinkEvent) => void) =>
    void toEvent(raw).then(to, (error: unknown) =>
      to({ kind: 'refused', reason: `The link could not be checked: ${error instanceof Error ? error.message : String(error)}` })
    )
  return {
    receive(raw) {
      if (send) deliver(raw, send)
      else if (waiting.length < MAX_WAITING) waiting.push(raw)
    },
    attach(to) {
      send = to
      for (const raw of waiting.splice(0)) deliver(raw, to)
    }
  }
}

/** The open connection as a link's pool is checked against it: the profiles, the one open, and its pool ID once connected. */
export async function openPoolContext(context: Pick<AppContext, 'status' | 'profile' | 'profiles'>): Promise<LinkPoolContext> {
  const view = await context.profiles.list(context.profile.id)
  const status = context.status
  const activePoolId = status.state === 'connected' ? status.info.userPoolId : context.profile.userPoolId
  return { profiles: view.profiles, activeId: view.activeId, activePoolId }
}
