/** One user's operations: registration and confirmation, lookup and search, the tier, account actions, groups, history. */
import type { Operation } from '../../shared/contract'
import { userHistory } from '../audit/userHistory'
import { adminConfirm, confirmWithCode, resendCode } from '../registration/confirmation'
import { registerUser } from '../registration/registration'
import { findUnfinished, finishRegistration, markUnfinished } from '../registration/unfinished'
import { deleteUser, disableUser, enableUser, resendInvite, resetPassword, signOutEverywhere, verifyEmail } from '../users/accountActions'
import { addToGroup, removeFromGroup, userGroups } from '../users/groups'
import { readUserPage } from '../support/userPage'
import { searchUsers, setTier } from '../users/users'
import { tierReturnsOf } from '../tierReturns/tierReturns'
import type { HandlersOf, OperationContext } from './handler'

type UserOperation = Extract<
  Operation,
  | 'register'
  | 'unfinishedRegistrations'
  | 'finishRegistration'
  | 'confirm'
  | 'resendCode'
  | 'adminConfirm'
  | 'getUser'
  | 'searchUsers'
  | 'setTier'
  | 'enableUser'
  | 'disableUser'
  | 'resetPassword'
  | 'resendInvite'
  | 'signOutEverywhere'
  | 'verifyEmail'
  | 'deleteUser'
  | 'userGroups'
  | 'addToGroup'
  | 'removeFromGroup'
  | 'userHistory'
>

export function userHandlers({ app }: OperationContext): HandlersOf<UserOperation> {
  const deps = () => app.services().deps
  const gateway = () => deps().gateway
  // After a write, the user as their page shows them: with the verdict the write may have changed.
  const page = (username: string) => readUserPage(deps(), username)
  return {
    register: async (request) => registerUser(deps().connection, deps().schema, request),
    unfinishedRegistrations: async () => ({ registrations: await findUnfinished(deps().connection) }),
    finishRegistration: async ({ username }) => finishRegistration(deps().connection, username),
    confirm: async ({ username, code }) => confirmWithCode(deps().connection, username, code),
    resendCode: async ({ username }) => resendCode(deps().connection, username),
    adminConfirm: async ({ username }) => adminConfirm(deps().connection, username),
    getUser: async ({ username }) => markUnfinished(deps().connection, await readUserPage(deps(), username)),
    searchUsers: async (request) => searchUsers(gateway(), request),
    setTier: async (request) => setTier(gateway(), deps().schema, request, page, tierReturnsOf(deps())),
    enableUser: async ({ username }) => enableUser(gateway(), username, page),
    disableUser: async ({ username }) => disableUser(gateway(), username, page),
    resetPassword: async ({ username }) => resetPassword(gateway(), username, page),
    resendInvite: async ({ username }) => resendInvite(gateway(), username, page),
    signOutEverywhere: async ({ username }) => signOutEverywhere(gateway(), username, page),
    verifyEmail: async ({ username }) => verifyEmail(gateway(), username, page),
    deleteUser: async ({ username, confirmUsername }) => deleteUser(gateway(), username, confirmUsername),
    userGroups: async ({ username }) => userGroups(gateway(), username),
    addToGroup: async ({ username, group }) => addToGroup(gateway(), username, group),
    removeFromGroup: async ({ username, group }) => removeFromGroup(gateway(), username, group),
    userHistory: async ({ username }) => ({ entries: await userHistory(deps().connection.audit, gateway().userPoolId, username) })
  }
}
