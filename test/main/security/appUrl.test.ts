import { describe, expect, it } from 'vitest'
import { isPageOf } from '../../../src/main/security/appUrl'

const BUILT = 'file:///opt/Tier%20Admin/resources/app/out/renderer/index.html'
const DEV = 'http://localhost:5173/'

describe('isPageOf', () => {
  it('accepts the built page itself, with a hash or a query', () => {
    for (const url of [BUILT, `${BUILT}#users`, `${BUILT}?x=1`]) expect(isPageOf(BUILT, url), url).toBe(true)
  })

  it('refuses every other file, origin or frame of the built app', () => {
    const strangers = [
      'file:///opt/Tier%20Admin/resources/app/out/renderer/index.html.evil',
      'file:///opt/Tier%20Admin/resources/app/out/renderer/other.html',
      'file:///tmp/index.html',
      'https://evil.example/',
      'about:blank',
      'about:srcdoc',
      'data:text/html,<p>hi</p>',
      'index.html',
      ''
    ]
    for (const url of strangers) expect(isPageOf(BUILT, url), url).toBe(false)
  })

  it('accepts any page of the dev server origin and nothing else, not even a URL that is not absolute', () => {
    expect(isPageOf(DEV, 'http://localhost:5173/index.html#x')).toBe(true)
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', '/index.html', '', 'about:blank']) {
      expect(isPageOf(DEV, url), url).toBe(false)
    }
  })
})
