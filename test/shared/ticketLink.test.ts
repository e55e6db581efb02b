/**
 * The one ticket-link parser (app and CLI): every well-formed link is read as written, and each of
 * the malformed ones below is refused with a reason; through main's path (linkEvent and the inbox) a
 * refused link reaches the window as "refused" only, and nothing else is asked of the app.
 */
import { describe, expect, it, vi } from 'vitest'
import { createLinkInbox, linkEvent, linkInArgv } from '../../src/main/desktop/ticketLinks'
import { checkLinkPool, LINK_LIMITS, makeTicketLink, parseTicketLink, type LinkPoolContext } from '../../src/shared/ticketLink'
import { openLinkEvent } from '../../src/shared/ticketLinkEvent'
import { wordFor } from '../../src/shared/wording'

const SUB = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'
const OPEN = 'tier-admin://open?'

const MALFORMED: [string, unknown][] = [
  ['empty', ''],
  ['not a string', 42],
  ['null', null],
  ['another scheme', 'https://open?username=jane'],
  ['a scheme that only starts alike', 'tier-admins://open?username=jane'],
  ['javascript scheme', 'javascript:alert(1)//tier-admin://open?username=jane'],
  ['no host', 'tier-admin://?username=jane'],
  ['another host', 'tier-admin://delete?username=jane'],
  ['host with more', 'tier-admin://openx?username=jane'],
  ['a path after open', 'tier-admin://open/users?username=jane'],
  ['userinfo', 'tier-admin://evil@open?username=jane'],
  ['a port', 'tier-admin://open:80?username=jane'],
  ['no query', 'tier-admin://open'],
  ['an empty query', 'tier-admin://open?'],
  ['a fragment', `${OPEN}username=jane#x`],
  ['three slashes', 'tier-admin:///open?username=jane'],
  ['unknown key', `${OPEN}username=jane&admin=1`],
  ['unknown key alone', `${OPEN}user=jane`],
  ['upper-case key', `${OPEN}USERNAME=jane`],
  ['key with a bracket', `${OPEN}username[]=jane`],
  ['prototype key', `${OPEN}__proto__=x&username=jane`],
  ['constructor key', `${OPEN}constructor=x&username=jane`],
  ['write-sounding key', `${OPEN}username=jane&tier=premium`],
  ['repeated username', `${OPEN}username=jane&username=bob`],
  ['repeated pool', `${OPEN}username=jane&pool=sandbox&pool=prod`],
  ['repeated email', `${OPEN}email=a@b.co&email=c@d.co`],
  ['two user keys', `${OPEN}username=jane&email=jane@acme.test`],
  ['all three user keys', `${OPEN}username=jane&email=jane@acme.test&sub=${SUB}`],
  ['only a pool', `${OPEN}pool=sandbox`],
  ['a key without =', `${OPEN}username`],
  ['an empty value', `${OPEN}username=`],
  ['an empty part', `${OPEN}username=jane&&pool=sandbox`],
  ['a trailing &', `${OPEN}username=jane&`],
  ['a raw space', `${OPEN}username=jane doe`],
  ['an encoded space', `${OPEN}username=jane%20doe`],
  ['a plus (space)', `${OPEN}username=jane+doe`],
  ['a trailing encoded space', `${OPEN}username=jane%20`],
  ['a tab', `${OPEN}username=jane\t`],
  ['a raw newline', `${OPEN}username=jane\nx`],
  ['an encoded newline', `${OPEN}username=jane%0Ax`],
  ['an encoded NUL', `${OPEN}username=jane%00`],
  ['a zero-width space', `${OPEN}username=jane%E2%80%8B`],
  ['a right-to-left mark', `${OPEN}username=%E2%80%8Fjane`],
  ['raw non-ASCII', `${OPEN}username=jäne`],
  ['broken percent-encoding', `${OPEN}username=jane%E0%A4%A`],
  ['a lone percent', `${OPEN}username=100%`],
  ['oversized username', `${OPEN}username=${'a'.repeat(LINK_LIMITS.username + 1)}`],
  ['oversized email', `${OPEN}email=${'a'.repeat(250)}@acme.test`],
  ['oversized link', `${OPEN}username=jane&pool=${'a'.repeat(LINK_LIMITS.link)}`],
  ['not an email', `${OPEN}email=jane`],
  ['email without domain dot', `${OPEN}email=jane@acme`],
  ['email with two @', `${OPEN}email=jane@@acme.test`],
  ['part of an email', `${OPEN}email=@acme.test`],
  ['sub not a UUID', `${OPEN}sub=12345`],
  ['sub too long', `${OPEN}sub=${SUB}0`],
  ['sub with braces', `${OPEN}sub={${SUB}}`],
  ['pool with spaces', `${OPEN}username=jane&pool=my%20pool`],
  ['pool with a slash', `${OPEN}username=jane&pool=..%2Fetc`],
  ['pool upper-case profile', `${OPEN}username=jane&pool=Prod`],
  ['pool oversized', `${OPEN}username=jane&pool=${'a'.repeat(LINK_LIMITS.pool + 1)}`],
  ['pool empty', `${OPEN}username=jane&pool=`],
  ['leading space', ` ${OPEN}username=jane`]
]

const context: LinkPoolContext = {
  profiles: [
    { id: 'sandbox', name: 'Sandbox', userPoolId: '' },
    { id: 'prod-eu', name: 'Production EU', userPoolId: 'eu-west-1_Prod1' }
  ],
  activeId: 'sandbox',
  activePoolId: 'local_Abc123'
}

describe('parseTicketLink', () => {
  it(`refuses each of ${MALFORMED.length} malformed links with a reason`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(50)
    for (const [what, link] of MALFORMED) {
      const parsed = parseTicketLink(link)
      expect(parsed.ok, what).toBe(false)
      if (!parsed.ok) expect(parsed.reason.length, what).toBeGreaterThan(10)
    }
  })

  it('reads each kind of key, decoded, with the optional pool', () => {
    expect(parseTicketLink(`${OPEN}username=jane.doe`)).toEqual({ ok: true, link: { by: 'username', value: 'jane.doe' } })
    expect(parseTicketLink(`${OPEN}email=jane%2Bt%40acme.test&pool=prod-eu`)).toEqual({
      ok: true,
      link: { by: 'email', value: 'jane+t@acme.test', pool: 'prod-eu' }
    })
    expect(parseTicketLink(`tier-admin://open/?sub=${SUB}&pool=eu-west-1_Prod1`)).toEqual({
      ok: true,
      link: { by: 'sub', value: SUB, pool: 'eu-west-1_Prod1' }
    })
    expect(parseTicketLink(`TIER-ADMIN:open?username=%C3%A9lise`)).toEqual({ ok: true, link: { by: 'username', value: 'élise' } })
    expect(parseTicketLink(`${OPEN}pool=sandbox&username=jane`)).toMatchObject({ ok: true, link: { by: 'username', pool: 'sandbox' } })
  })

  it('reads back every link Copy link makes, whatever the username holds', () => {
    for (const username of ['jane', 'j&ne=1', 'élise', 'a+b@c.d', '50%', 'x'.repeat(128)]) {
      expect(parseTicketLink(makeTicketLink(username, 'prod-eu'))).toEqual({ ok: true, link: { by: 'username', value: username, pool: 'prod-eu' } })
    }
    expect(makeTicketLink('jane')).toBe('tier-admin://open?username=jane')
  })
})

describe('checkLinkPool', () => {
  const link = (pool?: string) => ({ by: 'username' as const, value: 'jane', ...(pool ? { pool } : {}) })

  it('passes a link without a pool, for the open profile, or for the open pool ID', () => {
    expect(checkLinkPool(link(), context)).toEqual({ ok: true })
    expect(checkLinkPool(link('sandbox'), context)).toEqual({ ok: true })
    expect(checkLinkPool(link('local_Abc123'), context)).toEqual({ ok: true })
  })

  it('asks the operator to switch for another profile, and refuses an unknown profile or another pool ID', () => {
    const other = checkLinkPool(link('prod-eu'), context)
    expect(other).toMatchObject({ ok: false, otherProfile: { id: 'prod-eu', name: 'Production EU' } })
    if (!other.ok) {
      expect(wordFor(other.reason, 'app')).toContain('choose it in the profile menu')
      expect(wordFor(other.reason, 'cli')).toContain('--profile')
    }
    expect(checkLinkPool(link('prod-us'), context)).toMatchObject({ ok: false, reason: expect.stringContaining('no profile with that id') })
    expect(checkLinkPool(link('eu-west-1_Prod1'), context)).toMatchObject({ ok: false, reason: expect.stringContaining('not the one open') })
  })
})

describe("main's path for a link", () => {
  it('finds the link among a launch arguments', () => {
    expect(linkInArgv(['/usr/bin/tier-admin', '--no-sandbox', `${OPEN}username=jane`])).toBe(`${OPEN}username=jane`)
    expect(linkInArgv(['/usr/bin/tier-admin', '.'])).toBeUndefined()
  })

  it('tells the window "refused" for every malformed link, asking the connection nothing', async () => {
    const poolContext = vi.fn(async () => context)
    const sent: unknown[] = []
    const inbox = createLinkInbox((raw) => linkEvent(raw, poolContext))
    for (const [, raw] of MALFORMED) inbox.receive(String(raw))
    inbox.attach((event) => sent.push(event))
    for (const [, raw] of MALFORMED) inbox.receive(String(raw))
    await vi.waitFor(() => expect(sent.length).toBe(5 + MALFORMED.length))
    for (const event of sent) {
      expect(event).toMatchObject({ kind: 'refused' })
      // Whatever main sends passes the event's own schema (the preload drops anything else).
      expect(openLinkEvent.safeParse(event).success).toBe(true)
    }
    expect(poolContext).not.toHaveBeenCalled()
  })

  it('opens a link for the open pool, and refuses another profile with the app words', async () => {
    expect(await linkEvent(`${OPEN}email=jane@acme.test&pool=sandbox`, async () => context)).toEqual({ kind: 'open', by: 'email', value: 'jane@acme.test' })
    const other = await linkEvent(`${OPEN}username=jane&pool=prod-eu`, async () => context)
    expect(other).toMatchObject({ kind: 'refused', reason: expect.stringContaining('"Production EU"') })
    expect(JSON.stringify(other)).not.toContain('{switchProfile}')
  })
})
