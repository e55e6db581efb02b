/**
 * Runs cognito-local (the npm package) inside this process, with its data under the app's data
 * folder and its messages captured in the sandbox outbox instead of printed to a console.
 */
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadConfig } from 'cognito-local/lib/server/config'
import { Router } from 'cognito-local/lib/server/Router'
import { createServer } from 'cognito-local/lib/server/server'
import { DateClock, TriggersService } from 'cognito-local/lib/services'
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService'
import { CryptoService } from 'cognito-local/lib/services/crypto'
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb'
import { otp } from 'cognito-local/lib/services/otp'
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator'
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService'
import type { SandboxOutbox } from './outbox'
import { resendConfirmationCodeTarget } from './resendConfirmationCode'

export interface RunningEmulator {
  endpoint: string
  port: number
  close(): Promise<void>
}

/** cognito-local logs through pino; the sandbox keeps quiet and reports errors through the SDK instead. */
const silentLogger: Record<string, unknown> = {}
for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal']) silentLogger[level] = () => undefined
silentLogger.child = () => silentLogger

export async function startEmulator(directory: string, outbox: SandboxOutbox, port = 0): Promise<RunningEmulator> {
  const logger = silentLogger as never
  const ctx = { logger }
  const config = await loadConfig(ctx, new StormDBDataStoreFactory(directory))
  const clock = new DateClock()
  const dataStores = new StormDBDataStoreFactory(`${directory}/db`)
  const cognito = await new CognitoServiceFactoryImpl(`${directory}/db`, dataStores, new UserPoolServiceFactoryImpl(clock, dataStores)).create(ctx, {})
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
      outbox.append({ username: user.Username, destination: details.Destination, code, reason: source })
    }
  }
  const services = { clock, cognito, config, messages, otp, tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig), triggers }
  const router = Router(services as never)
  // cognito-local lacks ResendConfirmationCode; the sandbox adds it so the Confirm screen works end to end.
  const routeWithResend = ((target: string) =>
    target === 'ResendConfirmationCode' ? resendConfirmationCodeTarget(services as never) : router(target)) as typeof router
  const server = createServer(routeWithResend, logger, { port, hostname: '127.0.0.1', development: false, https: false }, services as never)
  const http = (await server.start()) as HttpServer
  const actualPort = (http.address() as AddressInfo).port
  return {
    endpoint: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: () => closeServer(http)
  }
}

function closeServer(http: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    http.close(() => resolve())
    http.closeAllConnections?.()
  })
}
