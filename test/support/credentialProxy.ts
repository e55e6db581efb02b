import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SANDBOX_CREDENTIAL_HEADER } from '../../src/main/sandbox/constants'

/**
 * An open emulator endpoint, as an operator's own cognito-local would be: forwards every request to a
 * test sandbox's guarded emulator with the sandbox's credential added, so the app can be pointed at
 * it through COGNITO_ENDPOINT like any configured pool. `port` reopens an endpoint that was closed, as a
 * pool that comes back after an outage answers at the same address.
 */
export async function openEmulatorEndpoint(
  target: () => { endpoint: string; credential: string },
  port = 0
): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = createServer((incoming, outgoing) => {
    const { endpoint, credential } = target()
    const url = new URL(endpoint)
    const forwarded = request(
      {
        host: url.hostname,
        port: url.port,
        path: incoming.url,
        method: incoming.method,
        headers: { ...incoming.headers, [SANDBOX_CREDENTIAL_HEADER]: credential }
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      }
    )
    forwarded.once('error', () => outgoing.destroy())
    incoming.pipe(forwarded)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve())))
  }
}
