import { createServer, request, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A pass-through in front of an endpoint that keeps every request's headers: a test can then show that
 * what it planted (a session token, an access key id) really went out signed, and was not swapped for
 * placeholders on the way.
 */
export async function openHeaderTap(target: string): Promise<{ endpoint: string; headers: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const headers: IncomingHttpHeaders[] = []
  const url = new URL(target)
  const server = createServer((incoming, outgoing) => {
    headers.push(incoming.headers)
    const forwarded = request({ host: url.hostname, port: url.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(outgoing)
    })
    forwarded.once('error', () => outgoing.destroy())
    incoming.pipe(forwarded)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    headers,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve())))
  }
}
