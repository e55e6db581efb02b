import type { Operation, ParsedRequestOf, ResultOf } from '../../shared/contract'
import type { AppContext } from '../appContext'
import { adminConfirm, confirmWithCode, resendCode } from '../services/confirmation'
import { registerUser } from '../services/registration'
import { getUser, searchUsers, setTier } from '../services/users'

export type Handler<K extends Operation> = (request: ParsedRequestOf<K>) => Promise<ResultOf<K>>
/** One handler per contract operation; a missing one is a compile error. */
export type Handlers = { [K in Operation]: Handler<K> }

export function createHandlers(app: AppContext): Handlers {
  const services = () => app.services()
  return {
    getConnection: async () => app.status,
    describePool: async (request) => services().schema.describe({ refresh: request?.refresh }),
    checkConnection: async () => app.health(),
    restartSandbox: async () => app.restartSandbox(),
    restoreSandbox: async () => app.restoreSandbox(),
    register: async (request) => registerUser(services().connection, services().schema, request),
    confirm: async ({ username, code }) => confirmWithCode(services().connection, username, code),
    resendCode: async ({ username }) => resendCode(services().connection, username),
    adminConfirm: async ({ username }) => adminConfirm(services().connection, username),
    getUser: async ({ username }) => getUser(services().connection.gateway, username),
    searchUsers: async ({ query, by, nextToken }) => searchUsers(services().connection.gateway, query, by, nextToken),
    setTier: async ({ username, tier }) => setTier(services().connection.gateway, services().schema, username, tier),
    getOutbox: async () => {
      const sandbox = services().connection.sandbox
      return sandbox ? { available: true, messages: sandbox.outbox.list() } : { available: false, messages: [] }
    },
    getStats: async () => services().stats.snapshot(),
    startStats: async () => services().stats.start(),
    cancelStats: async () => services().stats.cancel(),
    listTierMembers: async ({ bucket, offset, limit }) => services().stats.tierMembers(bucket, offset, limit),
    statsCsv: async (request) => services().stats.csv(request)
  }
}
