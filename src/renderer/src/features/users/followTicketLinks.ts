/**
 * A ticket link main handed over (ticketLinks.ts in main): the Users screen opens the user it names,
 * a username at once, an email or a sub through the one find box (so none or several say so, as a
 * typed search does). A refused link only shows why: nothing on screen changes.
 */
import type { OpenLinkEvent } from '../../../../shared/ticketLinkEvent'
import { useNavigation } from '../../stores/navigationStore'
import { useToasts } from '../../stores/toastStore'
import { useUsers } from './usersStore'

export async function openFromLink(event: OpenLinkEvent): Promise<void> {
  if (event.kind === 'refused') {
    useToasts.getState().push('danger', 'This link was not opened', event.reason)
    return
  }
  useNavigation.getState().go('users')
  const users = useUsers.getState()
  if (event.by === 'username') {
    await users.openUsername(event.value)
    return
  }
  users.setQuery(event.value)
  await users.find()
}

/** Subscribes before the first render, so a link handed over as the page loads is not missed; returns the unsubscribe. */
export function followTicketLinks(): () => void {
  return window.api.onOpenLink((event) => void openFromLink(event))
}
