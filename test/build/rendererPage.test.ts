/**
 * The built page (out/renderer/index.html, from `npm run build`) carries the window's Content Security
 * Policy itself, so a page loaded without main's header (file://) is held to the same rules.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/policy'

const PAGE = join(__dirname, '../../out/renderer/index.html')
const NAMED_ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }

/** An attribute's value as the browser reads it: vite writes the policy's quotes as &#39;. */
function decode(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (entity, hex?: string, decimal?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16))
    if (decimal) return String.fromCodePoint(Number(decimal))
    return NAMED_ENTITIES[name ?? ''] ?? entity
  })
}

/** Each <meta> tag's attributes, decoded (vite writes them double-quoted). */
function metaTags(html: string): Record<string, string>[] {
  return [...html.matchAll(/<meta\b[^>]*>/g)].map((tag) =>
    Object.fromEntries([...tag[0].matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, decode(value)]))
  )
}

describe('the built renderer page', () => {
  it('carries exactly the policy main sends as a header, once, before any script', () => {
    expect(existsSync(PAGE), 'run "npm run build" first').toBe(true)
    const html = readFileSync(PAGE, 'utf8')
    const policies = metaTags(html).filter((attributes) => attributes['http-equiv']?.toLowerCase() === 'content-security-policy')
    expect(policies.map((attributes) => attributes.content)).toEqual([CONTENT_SECURITY_POLICY])
    // A policy applies only to what follows it in the document.
    expect(html.search(/http-equiv="Content-Security-Policy"/i)).toBeLessThan(html.indexOf('<script'))
  })
})
