/**
 * Registrations cut between SignUp and the tier, offered at start: each user named with the tier it
 * meant, "Finish" sets it, and the alert goes once none is left; nothing shows when none was cut.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { UnfinishedRegistrations } from '../../../../src/renderer/src/features/connection/UnfinishedRegistrations'
import { useUnfinished } from '../../../../src/renderer/src/features/connection/unfinishedStore'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'

let fake: FakeApi
beforeEach(() => {
  fake = installFakeApi()
  useUnfinished.setState(useUnfinished.getInitialState(), true)
})

describe('unfinished registrations', () => {
  it('names each cut registration and finishes it on demand', async () => {
    const user = userEvent.setup()
    fake.succeed('unfinishedRegistrations', { registrations: [{ username: 'cy', tier: 'premium', startedAt: '2026-12-05T07:00:00.000Z' }] })
    fake.succeed('finishRegistration', { username: 'cy', tier: 'premium', startedAt: '2026-12-05T07:00:00.000Z' })
    render(<UnfinishedRegistrations poolKey="p/c" />)
    const alert = await screen.findByRole('alert', { name: 'Unfinished registrations' })
    expect(alert).toHaveTextContent('cy: no tier — registration not finished (meant: premium')
    await user.click(within(alert).getByRole('button', { name: 'Finish: set premium' }))
    expect(fake.calls.finishRegistration).toHaveBeenCalledWith({ username: 'cy' })
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
  })

  it('shows nothing when every registration finished', async () => {
    fake.succeed('unfinishedRegistrations', { registrations: [] })
    render(<UnfinishedRegistrations poolKey="p/c" />)
    await waitFor(() => expect(fake.calls.unfinishedRegistrations).toHaveBeenCalled())
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
