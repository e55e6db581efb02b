import type { UserDetail } from '../../../../shared/domain'
import { api } from '../../api/api'
import { useUsers } from '../users/usersStore'

/** What showing the user afresh found: a note when what is shown may be out of date, or that the user is gone. */
export interface Afresh {
  stale?: string
  gone?: true
}

/**
 * Shows the user as Cognito has them after a write, sign-in verdict included: the user main read back
 * when it carries a verdict, else read again. A user the pool no longer has (a federated user whose
 * only link was removed) leaves the list and the page.
 */
export async function showAfresh(username: string, after: UserDetail | null, refreshError?: { code: string; message: string }): Promise<Afresh> {
  if (after?.verdict) {
    useUsers.getState().applyUser(after)
    return {}
  }
  const reply = after || refreshError?.code !== 'USER_NOT_FOUND' ? await api.getUser({ username }) : { ok: false as const, error: refreshError }
  if (reply.ok) {
    useUsers.getState().applyUser(reply.data)
    return {}
  }
  if (reply.error.code === 'USER_NOT_FOUND') {
    useUsers.getState().removeUser(username)
    return { gone: true }
  }
  if (after) useUsers.getState().applyUser(after)
  return { stale: `${reply.error.message} What is shown may be out of date.` }
}
