import type { WebContents } from 'electron'
import { events, type AppEvent, type PayloadOf } from '../../shared/contract'

/**
 * Sends a contract event to a window, but only while it shows the app's own page: the same URL check
 * the handlers make on the way in, so a window that navigated elsewhere hears nothing. Events go to
 * the main frame only (webContents.send), never to a subframe.
 * Returns whether the event was sent.
 */
export function sendEvent<E extends AppEvent>(
  contents: Pick<WebContents, 'getURL' | 'send'>,
  isAppUrl: (url: string) => boolean,
  event: E,
  payload: PayloadOf<E>
): boolean {
  const { channel, payload: schema } = events[event]
  if (!isAppUrl(contents.getURL()) || !schema.safeParse(payload).success) return false
  contents.send(channel, payload)
  return true
}
