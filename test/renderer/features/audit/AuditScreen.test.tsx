/**
 * The Audit screen against a fake `window.api`: the first page on opening, the filters sent as typed,
 * Load more appending, the empty state, a failure shown as an alert, and where the export went.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AuditScreen } from '../../../../src/renderer/src/features/audit/AuditScreen'
import { AUDIT_PAGE, useAudit } from '../../../../src/renderer/src/features/audit/auditStore'
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
      rows: [row(1, { identity: arn, outcome: 'failed', errorName: 'UserNotFoundException' })],
      offset: 0,
      total: 1,
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
})
