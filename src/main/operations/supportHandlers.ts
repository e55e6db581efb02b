/** The support desk's operations: finding a person, their attributes, password, MFA, devices, sign-in events and linked identities. */
import type { Operation } from '../../shared/contract'
import { deleteAttributes, setAttributes } from '../support/attributes'
import { forgetDevice, listDevices } from '../support/devices'
import { findUsers } from '../support/find'
import { unlinkIdentity } from '../support/identities'
import { resetMfa } from '../support/mfa'
import { setPassword } from '../support/password'
import { eventFeedback } from '../support/eventFeedback'
import { listSignInEvents } from '../support/signInEvents'
import { readTicketSummary } from '../support/ticketSummary'
import { tierReturnsOf } from '../tierReturns/tierReturns'
import type { HandlersOf, OperationContext } from './handler'

type SupportOperation = Extract<
  Operation,
  | 'findUsers'
  | 'setAttributes'
  | 'deleteAttributes'
  | 'setPassword'
  | 'resetMfa'
  | 'listDevices'
  | 'forgetDevice'
  | 'listSignInEvents'
  | 'eventFeedback'
  | 'unlinkIdentity'
  | 'userSummary'
>

export function supportHandlers({ app, frontEnd }: OperationContext): HandlersOf<SupportOperation> {
  const services = () => app.services()
  const deps = () => services().deps
  return {
    findUsers: async ({ query, nextToken }) => findUsers({ gateway: deps().gateway, stats: services().stats }, query, nextToken),
    setAttributes: async (request) => setAttributes(deps(), request),
    deleteAttributes: async ({ username, names }) => deleteAttributes(deps(), username, names),
    setPassword: async (request) => setPassword(deps(), frontEnd, request),
    resetMfa: async ({ username }) => resetMfa(deps(), username),
    listDevices: async ({ username, nextToken }) => listDevices(deps().gateway, username, nextToken),
    forgetDevice: async ({ username, deviceKey }) => forgetDevice(deps(), username, deviceKey),
    listSignInEvents: async ({ username, nextToken }) => listSignInEvents(deps().gateway, username, nextToken),
    eventFeedback: async (request) => eventFeedback(deps(), request),
    unlinkIdentity: async (request) => unlinkIdentity(deps(), request),
    userSummary: async ({ username }) => {
      const returns = tierReturnsOf(deps())
      return readTicketSummary(deps(), app.profile.name, username, (name) => (returns.enabled ? returns.find(name) : Promise.resolve(null)))
    }
  }
}
