/** One user's operations: registration and confirmation, lookup and search, the tier, account actions, groups, history. */
import type { Operation } from '../../shared/contract'
import { userHistory } from '../audit/userHistory'
import { adminConfirm, confirmWithCode, resendCode } from '../registration/confirmation'
import { registerUser } from '../registration/registration'
import { findUnfinished, finishRegistration, markUnfinished } from '../registration/unfinished'
import { deleteUser, disableUser, enableUser, resendInvite, resetPassword, signOutEverywhere, verifyEmail } from '../users/accountActions'
import { addToGroup, removeFromGroup, userGroups } from '../users/groups'
import { getUser, searchUsers, setTier } from '../users/users'
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
  return {
    register: async (request) => registerUser(deps().connection, deps().schema, request),
    unfinishedRegistrations: async () => ({ registrations: await findUnfinished(deps().connection) }),
    finishRegistration: async ({ username }) => finishRegistration(deps().connection, username),
    confirm: async ({ username, code }) => confirmWithCode(deps().connection, username, code),
    resendCode: async ({ username }) => resendCode(deps().connection, username),
    adminConfirm: async ({ username }) => adminConfirm(deps().connection, username),
    getUser: async ({ username }) => markUnfinished(deps().connection, await getUser(gateway(), username)),
    searchUsers: async (request) => searchUsers(gateway(), request),
    setTier: async (request) => setTier(gateway(), deps().schema, request),
    enableUser: async ({ username }) => enableUser(gateway(), username),
    disableUser: async ({ username }) => disableUser(gateway(), username),
    resetPassword: async ({ username }) => resetPassword(gateway(), username),
    resendInvite: async ({ username }) => resendInvite(gateway(), username),
    signOutEverywhere: async ({ username }) => signOutEverywhere(gateway(), username),
    verifyEmail: async ({ username }) => verifyEmail(gateway(), username),
    deleteUser: async ({ username, confirmUsername }) => deleteUser(gateway(), username, confirmUsername),
    userGroups: async ({ username }) => userGroups(gateway(), username),
    addToGroup: async ({ username, group }) => addToGroup(gateway(), username, group),
    removeFromGroup: async ({ username, group }) => removeFromGroup(gateway(), username, group),
    userHistory: async ({ username }) => ({ entries: await userHistory(deps().connection.audit, gateway().userPoolId, username) })
  }
}
