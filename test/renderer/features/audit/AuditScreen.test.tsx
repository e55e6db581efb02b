/**
 * The Audit screen against a fake `window.api`: the first page on opening, the filters sent as typed,
 * Load more appending, the empty state, a failure shown as an alert, and where the export went; a row
 * read whole in its detail, the user opened from it, the columns holding one value folded away, and
 * the reason as a column and a filter.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AuditScreen } from '../../../../src/renderer/src/features/audit/AuditScreen'
import { AUDIT_PAGE, useAudit } from '../../../../src/renderer/src/features/audit/auditStore'
import { useUsers } from '../../../../src/renderer/src/features/users/usersStore'
import { useNavigation } from '../../../../src/renderer/src/stores/navigationStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import type { AuditPage, AuditRow } from '../../../../src/shared/audit'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'

let fake: FakeApi

beforeAll(() => {
  // jsdom lays nothing out; the windowed list only needs to be told a size once.
  globalThis.ResizeObserver ??= class {
    observe() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver
})

beforeEach(() => {
  fake = installFakeApi()
  useAudit.setState(useAudit.getInitialState(), true)
  useConnection.setState(useConnection.getInitialState(), true)
})

const row = (i: number, fields: Partial<AuditRow> = {}): AuditRow => ({
  id: `r${i}`,
  at: new Date(Date.UTC(2026, 10, 20, 12, 0, i)).toISOString(),
  osUser: 'ops',
  identity: 'sandbox',
  userPoolId: 'local_pool',
  username: `user_${i}`,
  operation: 'AdminUpdateUserAttributes',
  summary: 'Tier premium → standard',
  before: 'tier: premium',
  after: 'tier: standard',
  outcome: 'ok',
  ...fields
})

function answerPages(total: number): void {
  fake.reply('auditQuery', (request) => {
    const offset = request?.offset ?? 0
    const count = Math.max(0, Math.min(request?.limit ?? AUDIT_PAGE, total - offset))
    const page: AuditPage = {
      rows: Array.from({ length: count }, (_, i) => row(offset + i)),
      offset,
      total,
      actions: ['AdminUpdateUserAttributes', 'SignUp'],
      skipped: 0
    }
    return { ok: true, data: page }
  })
}

describe('the Audit screen', () => {
  it('shows the first page, sends the filters as typed, and loads more on request', async () => {
    answerPages(250)
    const user = userEvent.setup()
    render(<AuditScreen />)
    expect(await screen.findByText('250 writes match · 200 shown')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Audit trail' })).toBeInTheDocument()

    await user.type(screen.getByLabelText('User'), 'jane')
    await user.selectOptions(screen.getByLabelText('Outcome'), 'failed')
    await user.selectOptions(screen.getByLabelText('Action'), 'SignUp')
    await user.click(screen.getByRole('button', { name: 'Filter' }))
    await waitFor(() =>
      expect(fake.calls.auditQuery).toHaveBeenLastCalledWith({ user: 'jane', outcome: 'failed', action: 'SignUp', offset: 0, limit: AUDIT_PAGE })
    )

    await user.click(await screen.findByRole('button', { name: 'Load more' }))
    await waitFor(() =>
      expect(fake.calls.auditQuery).toHaveBeenLastCalledWith({ user: 'jane', outcome: 'failed', action: 'SignUp', offset: 200, limit: AUDIT_PAGE })
    )
    expect(await screen.findByText('250 writes match · 250 shown')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  })

  it('shows an ARN by its resource in the narrow column, whole on hover, and a refusal with its error', async () => {
    const arn = 'arn:aws:sts::123456789012:assumed-role/Support/jane'
    const page: AuditPage = {
      // Two identities, so the column is shown (one for every row folds away).
      rows: [row(1, { identity: arn, outcome: 'failed', errorName: 'UserNotFoundException' }), row(2)],
      offset: 0,
      total: 2,
      actions: [],
      skipped: 0
    }
    fake.succeed('auditQuery', page)
    render(<AuditScreen />)
    const cell = await screen.findByText('assumed-role/Support/jane')
    expect(cell).toHaveAttribute('title', arn)
    expect(within(screen.getByRole('table')).getByText('failed').closest('td')).toHaveAttribute('title', expect.stringContaining('UserNotFoundException'))
  })

  it('says so when nothing matches, and shows a failure as an alert with its code', async () => {
    answerPages(0)
    render(<AuditScreen />)
    expect(await screen.findByText('No write matches.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()

    fake.fail('auditQuery', { code: 'LOCAL_FILE_ERROR', message: 'The audit trail could not be read: permission denied.' })
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('code: LOCAL_FILE_ERROR')
  })

  it('exports with the filters applied and says where the file went', async () => {
    answerPages(3)
    fake.succeed('auditExport', { path: '/home/ops/tier-admin-audit.csv', rows: 3 })
    render(<AuditScreen />)
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Saved 3 rows to /home/ops/tier-admin-audit.csv')
    expect(fake.calls.auditExport).toHaveBeenCalledWith({})
  })

  it('folds away the columns holding one value for every row, saying it once, and searches and shows the reason', async () => {
    const rows = [row(1, { reason: 'TICKET-812 upgrade after payment' }), row(2, { userPoolId: 'local_pool' })]
    fake.succeed('auditQuery', { rows, offset: 0, total: 2, actions: [], skipped: 0 })
    const user = userEvent.setup()
    render(<AuditScreen />)
    const table = await screen.findByRole('table', { name: 'Audit trail' })
    const headings = within(table)
      .getAllByRole('columnheader')
      .map((heading) => heading.textContent)
    expect(headings).toEqual(['Time', 'User', 'Action', 'Before → after', 'Ticket or reason', 'Outcome'])
    expect(screen.getByText('Every row shown: OS user ops · AWS identity sandbox · Pool local_pool')).toBeInTheDocument()
    expect(within(table).getByText('TICKET-812 upgrade after payment')).toBeInTheDocument()

    await user.type(screen.getByLabelText('Ticket or reason'), 'ticket-812')
    await user.click(screen.getByRole('button', { name: 'Filter' }))
    await waitFor(() => expect(fake.calls.auditQuery).toHaveBeenLastCalledWith({ reason: 'ticket-812', offset: 0, limit: AUDIT_PAGE }))
  })

  it('opens a row whole in its detail, and its user on the Users screen', async () => {
    const arn = 'arn:aws:sts::123456789012:assumed-role/Support/jane'
    const long = `${'A long reason that a column cuts short, '.repeat(4)}TICKET-9`
    fake.succeed('auditQuery', { rows: [row(1, { identity: arn, reason: long }), row(2)], offset: 0, total: 2, actions: [], skipped: 0 })
    fake.succeed('getUser', { username: 'user_1' } as never)
    const user = userEvent.setup()
    render(<AuditScreen />)
    await user.click((await screen.findAllByRole('button', { name: /^Details: Tier premium → standard/ }))[0]!)
    const detail = await screen.findByRole('dialog', { name: 'Tier premium → standard' })
    for (const text of ['tier: premium', 'tier: standard', long, 'ops', arn, 'local_pool', 'AdminUpdateUserAttributes']) {
      expect(within(detail).getByText(text)).toBeInTheDocument()
    }
    expect(detail).toHaveTextContent('done — Cognito applied it.')
    await user.click(within(detail).getByRole('button', { name: 'user_1' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(useNavigation.getState().screen).toBe('users')
    await waitFor(() => expect(useUsers.getState().selected).toMatchObject({ username: 'user_1' }))
    expect(fake.calls.getUser).toHaveBeenCalledWith({ username: 'user_1' })
  })
})
