/**
 * The ticket summary's words, plain and Markdown: every fact the issue names, the last five changes
 * with their reasons, the pending return only when given, one line per fact whatever a value holds,
 * and Markdown's own characters escaped.
 */
import { describe, expect, it } from 'vitest'
import { SUMMARY_CHANGES, summaryMarkdown, summaryText, type SummaryInput } from '../../../src/main/support/ticketSummary'
import type { HistoryEntry, UserDetail } from '../../../src/shared/domain'

const user: UserDetail = {
  username: 'jane_doe',
  sub: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  status: 'CONFIRMED',
  enabled: true,
  createdAt: null,
  modifiedAt: null,
  email: 'jane@acme.test',
  emailVerified: true,
  phone: '+447700900123',
  phoneVerified: false,
  tier: { kind: 'tier', tier: 'premium' },
  attributes: [],
  identities: [],
  verdict: { canSignIn: true, headline: 'Can sign in', reason: 'ok', fixes: [] }
}

const history: HistoryEntry[] = Array.from({ length: 7 }, (_, index) => ({
  at: `2026-12-0${7 - index}T09:1${index}:00.000Z`,
  operation: 'setTier',
  summary: `Change ${index + 1}`,
  outcome: index === 1 ? 'failed' : 'ok',
  ...(index === 1 ? { errorName: 'TooManyRequestsException' } : {}),
  ...(index === 0 ? { reason: 'TICKET-9\nrefund agreed' } : {})
}))

const input: SummaryInput = {
  pool: { profileName: 'Production EU', region: 'eu-west-1', userPoolId: 'eu-west-1_Prod1' },
  user,
  groups: [{ name: 'beta' }, { name: 'staff' }],
  history,
  at: '2026-12-07T10:00:00.000Z'
}

describe('the ticket summary', () => {
  it('says the pool, the account, the tier, groups, contact and the last five changes, in plain text', () => {
    const text = summaryText(input)
    expect(text).toContain('Pool:     Production EU (eu-west-1 / eu-west-1_Prod1)')
    expect(text).toContain('Username: jane_doe')
    expect(text).toContain('Status:   Confirmed: can sign in with their password')
    expect(text).toContain('Sign-in:  Can sign in')
    expect(text).toContain('Tier:     premium')
    expect(text).toContain('Groups:   beta, staff')
    expect(text).toContain('Email:    jane@acme.test (verified)')
    expect(text).toContain('Phone:    +447700900123 (not verified)')
    expect(text).toContain(`Last ${SUMMARY_CHANGES} changes (newest first):`)
    expect(text).toContain('- 7 Dec 2026 09:10 UTC  Change 1 (done)  Reason: TICKET-9 refund agreed')
    expect(text).toContain('Change 2 (failed (TooManyRequestsException))')
    expect(text).toContain('Change 5')
    expect(text).not.toContain('Change 6')
    // A reason's newline does not start a line of its own.
    expect(text.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(SUMMARY_CHANGES)
    expect(text).not.toContain('Pending return')
  })

  it('prints the pending return only when given', () => {
    const pendingReturn = { username: 'ann', grantedTier: 'premium', returnTier: 'standard', at: '2027-01-15T09:00:00.000Z', scheduleName: 'tr-x' } as const
    expect(summaryText({ ...input, pendingReturn })).toContain('Pending return: premium until 15 Jan 2027, 09:00 UTC, then standard')
    expect(summaryMarkdown({ ...input, pendingReturn })).toContain('- **Pending return:** premium until 15 Jan 2027, 09:00 UTC, then standard')
  })

  it('in Markdown, one bullet per fact, with Markdown characters in values escaped', () => {
    const markdown = summaryMarkdown({ ...input, user: { ...user, username: '*jane*_|x', verdict: undefined }, groups: [], history: [] })
    expect(markdown).toContain('- **Username:** \\*jane\\*\\_\\|x')
    expect(markdown).toContain('- **Groups:** none')
    expect(markdown).toContain('- **Sign-in:** not worked out')
    expect(markdown).toContain('_No changes made through Tier Admin._')
  })

  it('says a disabled account is disabled, and an absent phone none', () => {
    const text = summaryText({ ...input, user: { ...user, enabled: false, phone: null } })
    expect(text).toContain('Status:   Disabled')
    expect(text).toContain('Phone:    none')
  })
})
