/**
 * Serves the built renderer (out/renderer) for the app's privileged scheme, with the one CSP as a
 * response header. Free of Electron imports: main's protocol handler and the Chromium harness both
 * answer with this very code, so the page under test gets exactly the headers the app's page gets.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './appUrl'
import { CONTENT_SECURITY_POLICY } from './policy'

/** The types the built renderer holds; a file of any other type is not served. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json'
}

/** On every answer, refusals included: the policy, and no guessing a type from the content. */
const SECURITY_HEADERS = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' }

function refusal(status: number): Response {
  return new Response(null, { status, headers: { ...SECURITY_HEADERS } })
}

/** Whether `file` lies strictly inside `root` (both absolute). */
function isInside(root: string, file: string): boolean {
  const path = relative(root, file)
  return path !== '' && !isAbsolute(path) && path.split(sep)[0] !== '..'
}

/**
 * The answer for `pathname` under `rendererDir`: the file with its type and the CSP, or 404. The path
 * is decoded first, so `%2e%2e%2f` and `%5c` are caught by the same check as `..`; a symlink out of
 * the folder is caught on its real path.
 */
export async function rendererResponse(rendererDir: string, pathname: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return refusal(405)
  let path: string
  try {
    path = decodeURIComponent(pathname)
  } catch {
    return refusal(400)
  }
  if (path.includes('\0')) return refusal(400)
  const root = resolve(rendererDir)
  const file = resolve(root, `.${sep}${path === '/' ? 'index.html' : path}`)
  const type = CONTENT_TYPES[extname(file).toLowerCase()]
  if (!type || !isInside(root, file)) return refusal(404)
  try {
    const real = await realpath(file)
    if (!isInside(await realpath(root), real) || !(await stat(real)).isFile()) return refusal(404)
    const body = method === 'HEAD' ? null : await readFile(real)
    return new Response(body, { status: 200, headers: { 'content-type': type, ...SECURITY_HEADERS } })
  } catch {
    return refusal(404)
  }
}

/** The answer to a request on the app's scheme: only its one host is served. */
export function appSchemeResponse(rendererDir: string, url: string, method = 'GET'): Promise<Response> {
  if (!URL.canParse(url)) return Promise.resolve(refusal(400))
  const parsed = new URL(url)
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return Promise.resolve(refusal(404))
  return rendererResponse(rendererDir, parsed.pathname, method)
}
