/**
 * Runs cognito-local (the npm package) inside this process, with its data under the app's data
 * folder in the crash-safe store, its messages captured in the sandbox outbox instead of printed to a
 * console, and a guard in front (see emulatorGuard) so only the app's own processes can use it.
 */
import { createServer as createHttpServer, type Server as HttpServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { loadConfig } from 'cognito-local/lib/server/config'
import { Router } from 'cognito-local/lib/server/Router'
import { createServer } from 'cognito-local/lib/server/server'
import { DateClock, TriggersService } from 'cognito-local/lib/services'
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService'
import { CryptoService } from 'cognito-local/lib/services/crypto'
import { otp } from 'cognito-local/lib/services/otp'
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator'
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService'
import { DurableDataStoreFactory } from './durableStore'
import { SANDBOX_MOVED } from './constants'
import { guardRequest, guardRoute } from './emulatorGuard'
import type { SandboxOutbox } from './outbox'
import { withExtraTargets } from './extraTargets'
import { FileAuditLog } from '../audit/auditLog'
import { SANDBOX_CREDENTIAL_HEADER } from './constants'
import { SandboxReturns } from './sandboxReturns'
import { SandboxSchedules } from './sandboxScheduler'

export interface RunningEmulator {
  endpoint: string
  port: number
  /**
   * Stops processing: every new request is answered "moved, not processed" (SandboxMovedException),
   * so its sender can resend it to the next owner. Resolves once the requests in flight have answered.
   */
  drain(): Promise<void>
  close(): Promise<void>
}

/** cognito-local logs through pino; the sandbox keeps quiet and reports errors through the SDK instead. */
const silentLogger: Record<string, unknown> = {}
for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) silentLogger[level] = () => undefined
silentLogger.child = () => silentLogger

/** Requests still being answered when the emulator stops get this long to finish. */
const CLOSE_GRACE_MS = 5000

/** `auditFile`: the app's audit trail, where the sandbox's scheduler records the returns it runs. */
export async function startEmulator(directory: string, outbox: SandboxOutbox, credential: string, auditFile: string): Promise<RunningEmulator> {
  const logger = silentLogger as never
  const ctx = { logger }
  const config = await loadConfig(ctx, new DurableDataStoreFactory(directory))
  const clock = new DateClock()
  const dbDir = join(directory, 'db')
  const dataStores = new DurableDataStoreFactory(dbDir)
  const cognito = await new CognitoServiceFactoryImpl(dbDir, dataStores, new UserPoolServiceFactoryImpl(clock, dataStores)).create(ctx, {})
  // No Lambda triggers in the sandbox, so the Lambda client (aws-sdk v2) is never constructed.
  const noLambda = { enabled: () => false, invoke: () => Promise.reject(new Error('No Lambda in the sandbox')) }
  const triggers = new TriggersService(clock, cognito, noLambda as never, new CryptoService(config.KMSConfig))
  const messages = {
    async deliver(
      _ctx: unknown,
      source: string,
      _clientId: unknown,
      _poolId: unknown,
      user: { Username: string },
      code: string,
      _meta: unknown,
      details: { Destination: string }
    ) {
      await outbox.append({ username: user.Username, destination: details.Destination, code, reason: source })
    }
  }
  const services = { clock, cognito, config, messages, otp, tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig), triggers }
  // The operations cognito-local lacks or answers unlike Cognito, added or corrected (see extraTargets).
  const router = withExtraTargets(services as never, Router(services as never))
  const route = ((target: string) => guardRoute(router(target))) as typeof router
  const { application } = createServer(route, logger, { port: 0, hostname: '127.0.0.1', development: false, https: false }, services as never)
  // EventBridge Scheduler's API on the same endpoint, and the runner of due schedules (see sandboxScheduler, sandboxReturns).
  let returns: SandboxReturns | null = null
  const schedules = await SandboxSchedules.open(directory, () => returns?.arm())
  let draining = false
  let inFlight = 0
  let idle: (() => void) | null = null
  const http = createHttpServer((request, response) => {
    if (!guardRequest(request, response, credential)) return
    if (draining) return answerMoved(response)
    inFlight++
    response.once('close', () => {
      if (--inFlight === 0) idle?.()
    })
    if (!schedules.owns(request.url)) return application(request, response)
    schedules.handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'x-amzn-errortype': 'InternalServerException' })
      response.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (http.address() as AddressInfo).port
  returns = new SandboxReturns({ schedules, audit: new FileAuditLog(auditFile), apply: (operation, input) => sendToSelf(port, credential, operation, input) })
  await returns.start()
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    drain: async () => {
      // The next owner runs the schedules from here on; a run cut by "moved" would be lost.
      await returns?.close()
      draining = true
      if (inFlight === 0) return Promise.resolve()
      // A request that never answers (a hung emulator) must not hold the hand-over forever.
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CLOSE_GRACE_MS)
        idle = () => (clearTimeout(timer), resolve())
      })
    },
    close: async () => {
      await returns?.close()
      await closeServer(http)
    }
  }
}

/** A schedule's target request, sent to this emulator as Scheduler would send it to Cognito; rejects with the refusal's name. */
async function sendToSelf(port: number, credential: string, operation: string, input: Record<string, unknown>): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      [SANDBOX_CREDENTIAL_HEADER]: credential
    },
    body: JSON.stringify(input)
  })
  const text = await response.text()
  if (!response.ok)
    throw new Error(response.headers.get('x-amzn-errortype') ?? ((JSON.parse(text || '{}') as { __type?: string }).__type || `HTTP ${response.status}`))
}

/** A request that reached an emulator handing the sandbox over: nothing was done, so it may be sent again. */
function answerMoved(response: ServerResponse): void {
  response.writeHead(503, { 'content-type': 'application/x-amz-json-1.1', connection: 'close' })
  response.end(JSON.stringify({ __type: SANDBOX_MOVED, message: 'The sandbox is moving to another process of the app; the request was not processed.' }))
}

/** Stops taking connections and lets requests in flight finish, so no acknowledged write is cut off. */
function closeServer(http: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => http.closeAllConnections(), CLOSE_GRACE_MS)
    http.close(() => {
      clearTimeout(force)
      resolve()
    })
    http.closeIdleConnections()
  })
}
