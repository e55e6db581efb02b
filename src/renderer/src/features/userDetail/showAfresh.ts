import type { UserDetail } from '../../../../shared/domain'
import { api } from '../../api/api'
import { useUsers } from '../users/usersStore'

/**
 * Shows the user as Cognito has them after a write, sign-in verdict included: the user main read back
 * when it carries a verdict, else read again. Returns why the user could not be shown afresh, if so.
 */
export async function showAfresh(username: string, after: UserDetail | null): Promise<string | undefined> {
  if (after?.verdict) {
    useUsers.getState().applyUser(after)
    return undefined
  }
  const reply = await api.getUser({ username })
  if (reply.ok) {
    useUsers.getState().applyUser(reply.data)
    return undefined
  }
  if (after) useUsers.getState().applyUser(after)
  return `${reply.error.message} What is shown may be out of date.`
}
