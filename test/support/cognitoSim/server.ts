/**
 * A loopback stand-in for the Cognito user-pool API in AWS JSON 1.1 as SDK v3 sends it (POST /, X-Amz-Target, errors as HTTP 400
 * with `__type` and the x-amzn-errortype header the SDK reads), because cognito-local neither paginates nor throttles, and real
 * pools cannot be used in tests. EventBridge Scheduler's REST API is served beside it (scheduler.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { StatsFigures } from '../../../src/shared/domain'
import { describedSchema } from './rules'
import { SimThrottle } from './throttle'
import { expectedFigures, makeUser, SubIndex, type SimUser } from './users'
import { decodeToken, encodeToken, matches, parseFilter, SimError, toWire, type Filter } from './wire'
import { SimDirectory, type CreatedUser, type WriteLogEntry } from './writes'
import { DetailedPool, type DetailedSimOptions } from './detailed/detailedPool'
import type { SimPoolView } from './detailed/queries'
import { SimScheduler } from './scheduler'

export interface CognitoSimOptions extends DetailedSimOptions {
  /** How many synthetic users the pool holds (none by default; a detailed pool holds none). */
  users?: number
  seed?: number
  userPoolId?: string
  /** Delay before each answer (not before throttling errors, which Cognito returns at once). */
  latencyMs?: number | (() => number)
  /** ListUsers requests per second the pool accepts before TooManyRequestsException; unlimited if unset. */
  quota?: number
  /** Requests the quota lets through at once; one second's worth by default. */
  burst?: number
  /**
   * How `sub ^=` filters behave: 'ok' like Cognito appears to, 'empty' returns no users, 'error'
   * rejects the filter, 'ignored' returns every user as if there were no filter.
   */
  subPrefixFilter?: 'ok' | 'empty' | 'error' | 'ignored'
  /**
   * A backend behaviour the scan guards against (SparsePageGuard): a filtered ListUsers reads a
   * Limit-sized slice of the unfiltered pool and returns only that slice's matching users, with a token
   * as long as the unfiltered pool goes on. Filtered pages come back nearly empty, and a partitioned
   * scan reads the whole pool once per partition.
   */
  filterAfterPaging?: boolean
  /** AdminUpdateUserAttributes requests per second before TooManyRequestsException (the UserUpdate category); unlimited if unset. */
  updateQuota?: number
  /** AdminGetUser requests per second (UserRead, 120/s on a real pool); unlimited if unset. */
  readQuota?: number
  /** SignUp and AdminCreateUser requests per second (UserCreation, 50/s on a real pool); unlimited if unset. */
  createQuota?: number
  /** The share (0 to 1) of AdminGetUser, AdminUpdateUserAttributes, SignUp and AdminCreateUser requests throttled at random (seeded), on top of the quotas. */
  throttleFraction?: number
  /** The app client SignUp must name; a made-up id by default. */
  clientId?: string
  /**
   * DescribeUserPool with the pool's schema (standard attributes and custom:user_tier) and its default
   * password policy, for services that check them; off by default, since the export makes columns of them.
   */
  describeSchema?: boolean
  /** When set, SignUp must carry the SecretHash computed with it, as for an app client with a secret. */
  clientSecret?: string
  /** Called on every request before it is answered; a promise holds it, and one whose client died meanwhile is never applied. */
  onRequest?: (operation: string, body: Record<string, unknown>, count: number) => void | Promise<void>
}

export interface CognitoSim {
  endpoint: string
  port: number
  userPoolId: string
  seed: number
  /** Requests received (including throttled ones) and how many were throttled. */
  stats: { requests: number; throttled: number; listUsers: number; updates: number; reads: number; creates: number }
  clientId: string
  /** Every AdminUpdateUserAttributes, SignUp and AdminCreateUser request in the order received, with its outcome. */
  readonly writes: readonly WriteLogEntry[]
  /** A user's tier now, as AdminGetUser would show it: undefined when it has none, null when there is no such user. */
  tierOf(username: string): string | undefined | null
  /** The users SignUp and AdminCreateUser created, in creation order. */
  created(): CreatedUser[]
  /** The detailed pool's query API; null for a pool of synthetic users. */
  readonly detailed: SimPoolView | null
  /** The exact figures a correct scan must produce (computed on first use). */
  readonly expected: StatsFigures
  readonly scheduler: SimScheduler // EventBridge Scheduler on the same endpoint: its groups, schedules and calls
  /** Stops listening and drops open connections, as if the service went away. */
  stop(): Promise<void>
  /** Listens again on the same port; pagination tokens from before stay valid. */
  restart(): Promise<void>
  /** Changes the quota at run time (undefined removes it). */
  setQuota(quota: number | undefined): void
  userAt(index: number): SimUser
}

const SERVICE = 'AWSCognitoIdentityProviderService.'
const MAX_LIMIT = 60

/** Starts the simulator on 127.0.0.1 with an OS-assigned port. */
export async function startCognitoSim(options: CognitoSimOptions): Promise<CognitoSim> {
  const seed = options.seed ?? 20240601
  const count = options.users ?? 0
  if (options.detailedUsers && count > 0) throw new Error('A simulated pool holds synthetic users or detailed users, not both')
  const userPoolId = options.userPoolId ?? 'us-east-1_SimPool01'
  const subIndex = new SubIndex(seed, count)
  const throttle = new SimThrottle({ ...options, seed })
  const clientId = options.clientId ?? '1sim2client3id4for5tests6x'
  const directory = new SimDirectory(seed, count, { clientId, clientSecret: options.clientSecret })
  const detailed = options.detailedUsers ? new DetailedPool(userPoolId, options, { clientId, clientSecret: options.clientSecret }) : null
  const store = detailed ?? directory
  const stats = { requests: 0, throttled: 0, listUsers: 0, updates: 0, reads: 0, creates: 0 }
  const scheduler = new SimScheduler()
  const counted: Record<string, 'listUsers' | 'updates' | 'reads' | 'creates'> = {
    ListUsers: 'listUsers',
    AdminUpdateUserAttributes: 'updates',
    AdminGetUser: 'reads',
    SignUp: 'creates',
    AdminCreateUser: 'creates'
  }
  let expected: StatsFigures | undefined

  const latency = (): number => (typeof options.latencyMs === 'function' ? options.latencyMs() : (options.latencyMs ?? 0))

  function listUsers(body: Record<string, unknown>): Record<string, unknown> {
    const limit = body.Limit === undefined ? MAX_LIMIT : Number(body.Limit)
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
      throw new SimError(
        'InvalidParameterException',
        `1 validation error detected: Value '${String(body.Limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60`
      )
    }
    const filterText = typeof body.Filter === 'string' ? body.Filter : ''
    const filter = parseFilter(filterText)
    if (filter?.attribute === 'sub' && filter.op === '^=') {
      if (options.subPrefixFilter === 'error') throw new SimError('InvalidParameterException', 'Invalid filter operator for attribute sub')
      if (options.subPrefixFilter === 'empty') return { Users: [] }
    }
    const start = decodeToken(body.PaginationToken, filterText)
    const effective = filter?.attribute === 'sub' && options.subPrefixFilter === 'ignored' ? null : filter
    const page =
      effective && options.filterAfterPaging
        ? slicePage(effective, start, limit)
        : effective?.attribute === 'sub'
          ? subPage(effective, start, limit)
          : scanPage(effective, start, limit)
    return { Users: page.users.map(toWire), ...(page.next !== null ? { PaginationToken: encodeToken(filterText, page.next) } : {}) }
  }

  // Positions are in sub order; each one is checked, since prefixes beyond 8 digits narrow further.
  function subPage(filter: Filter, start: number, limit: number): { users: SimUser[]; next: number | null } {
    const [lo, hi] = subIndex.range(filter.value)
    const users: SimUser[] = []
    let pos = Math.max(lo, start)
    for (; pos < hi && users.length < limit; pos++) {
      const user = makeUser(seed, subIndex.order[pos]!)
      if (matches(user, filter)) users.push(user)
    }
    while (pos < hi && !matches(makeUser(seed, subIndex.order[pos]!), filter)) pos++
    return { users, next: pos < hi ? pos : null }
  }

  // Any other filter (or none) walks users in creation order; only small test pools use other filters.
  function scanPage(filter: Filter | null, start: number, limit: number): { users: SimUser[]; next: number | null } {
    const users: SimUser[] = []
    let pos = start
    for (; pos < count && users.length < limit; pos++) {
      const user = makeUser(seed, pos)
      if (!filter || matches(user, filter)) users.push(user)
    }
    while (filter && pos < count && !matches(makeUser(seed, pos), filter)) pos++
    return { users, next: pos < count ? pos : null }
  }

  // The filter-after-paging backend: one slice of the unfiltered pool (creation order), filtered afterwards.
  function slicePage(filter: Filter, start: number, limit: number): { users: SimUser[]; next: number | null } {
    const end = Math.min(count, start + Math.max(1, limit))
    const users: SimUser[] = []
    for (let pos = start; pos < end; pos++) {
      const user = makeUser(seed, pos)
      if (matches(user, filter)) users.push(user)
    }
    return { users, next: end < count ? end : null }
  }

  function answer(operation: string, body: Record<string, unknown>): Record<string, unknown> {
    if (detailed) return detailed.answer(operation, body)
    // SignUp is the one operation that names an app client instead of the pool.
    if (operation === 'SignUp') return directory.signUp(body)
    if (body.UserPoolId !== userPoolId) throw new SimError('ResourceNotFoundException', `User pool ${String(body.UserPoolId)} does not exist.`)
    switch (operation) {
      case 'ListUsers':
        return listUsers(body)
      case 'DescribeUserPool':
        return { UserPool: { Id: userPoolId, Name: 'simulated', EstimatedNumberOfUsers: count, ...(options.describeSchema ? describedSchema() : {}) } }
      case 'AdminGetUser':
        return directory.getUser(body)
      case 'AdminUpdateUserAttributes':
        return directory.updateAttributes(body)
      case 'AdminCreateUser':
        return directory.adminCreateUser(body)
      default:
        throw new SimError('UnknownOperationException', `The simulator does not implement ${operation}`)
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    stats.requests++
    if (scheduler.owns(req.url)) return scheduler.handle(req, res, Buffer.concat(chunks).toString('utf8'))
    const target = String(req.headers['x-amz-target'] ?? '')
    const operation = target.startsWith(SERVICE) ? target.slice(SERVICE.length) : target
    let body: Record<string, unknown>
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
    } catch {
      return send(res, 400, { __type: 'SerializationException', message: 'Malformed JSON' })
    }
    const held = options.onRequest?.(operation, body, stats.requests)
    if (held && (await held.then(() => req.socket.destroyed))) return
    const counter = counted[operation]
    if (counter) stats[counter]++
    if (!throttle.admit(operation)) {
      stats.throttled++
      store.record(operation, body, 'throttled')
      return send(res, 400, { __type: 'TooManyRequestsException', message: 'Too many requests' })
    }
    let status = 200
    let payload: Record<string, unknown>
    try {
      payload = answer(operation, body)
    } catch (error) {
      if (!(error instanceof SimError)) throw error
      status = 400
      payload = { __type: error.type, message: error.message }
    }
    // Logged when applied, before the latency: a client killed while waiting for the answer still wrote.
    store.record(operation, body, status === 200 ? 'ok' : String(payload.__type))
    const delay = latency()
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
    send(res, status, payload)
  }

  function send(res: ServerResponse, status: number, payload: Record<string, unknown>): void {
    if (res.destroyed) return
    const text = JSON.stringify(payload)
    const headers: Record<string, string | number> = {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': `sim-${stats.requests}`
    }
    if (status !== 200) headers['x-amzn-errortype'] = String(payload.__type)
    res.writeHead(status, headers)
    res.end(text)
  }

  let server: Server = createServer(listener)
  function listener(req: IncomingMessage, res: ServerResponse): void {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, 500, { __type: 'InternalErrorException', message: String(error) })
    })
  }

  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
    })
  const port = await listen(0)
  let running = true

  const stop = async (): Promise<void> => {
    if (!running) return
    running = false
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeAllConnections()
    await closed
  }

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    userPoolId,
    seed,
    stats,
    clientId: detailed?.clientId ?? clientId,
    writes: store.log,
    tierOf: (username) => store.tierOf(username),
    created: () => store.created(),
    detailed: detailed?.view() ?? null,
    scheduler,
    get expected() {
      expected ??= expectedFigures(seed, count)
      return expected
    },
    stop,
    async restart() {
      await stop()
      server = createServer(listener)
      await listen(port)
      running = true
    },
    setQuota: (rate) => throttle.quotas.list.set(rate),
    userAt: (index) => makeUser(seed, index)
  }
}
