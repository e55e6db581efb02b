/**
 * The bulk panel's "Until … then …" (the tier editor's fields, reused): the preview is asked with the
 * return in the operator's clock as an instant with its zone, the summary before Apply says "until …,
 * then …", "No end date" asks without one, and a profile without a scheduler role says where to set it.
 */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fireEvent } from '@testing-library/react'
import { beforeEach, expect, it } from 'vitest'
import { BulkTierPanel } from '../../../../src/renderer/src/features/bulk/BulkTierPanel'
import { useBulk } from '../../../../src/renderer/src/features/bulk/bulkStore'
import { useProfiles } from '../../../../src/renderer/src/features/connection/profilesStore'
import { localInputToInstant } from '../../../../src/renderer/src/lib/localInstant'
import type { BulkPreview } from '../../../../src/shared/bulk'
import type { ProfileSummary } from '../../../../src/shared/profiles'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'

const ROLE = 'arn:aws:iam::123456789012:role/tier-admin-returns'
const profile = (schedulerRoleArn?: string): ProfileSummary => ({
  id: 'work',
  name: 'Work',
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Work',
  clientId: 'client',
  emulator: false,
  production: false,
  credentialSource: { kind: 'default' },
  requireReason: false,
  builtIn: false,
  hasClientSecret: false,
  ...(schedulerRoleArn ? { schedulerRoleArn } : {})
})

let fake: FakeApi
beforeEach(() => {
  fake = installFakeApi()
  useBulk.setState(useBulk.getInitialState(), true)
  useProfiles.setState({ view: { profiles: [profile(ROLE)], activeId: 'work' } })
})

function open(): void {
  useBulk.getState().openFor(['ann', 'bob'])
  render(<BulkTierPanel />)
}

it('previews with the return for every row and says "until …, then …" before Apply', async () => {
  open()
  const until = localInputToInstant('2027-01-15T09:00')!
  const preview: BulkPreview = {
    jobId: 'bulk-1',
    userPoolId: 'eu-west-1_Work',
    createdAt: '2026-12-05T12:00:00.000Z',
    changes: 2,
    rows: [
      { row: 1, username: 'ann', tier: 'premium', from: 'standard', action: 'change' },
      { row: 2, username: 'bob', tier: 'premium', from: 'premium', action: 'change' }
    ],
    return: { until: new Date(until).toISOString(), then: 'standard' }
  }
  fake.succeed('bulkPreview', preview)
  fireEvent.change(screen.getByLabelText(/Until/), { target: { value: '2027-01-15T09:00' } })
  expect(screen.getByText(/does not cancel a pending return/)).toBeInTheDocument()
  await userEvent.selectOptions(screen.getByLabelText('then'), 'standard')
  await userEvent.click(screen.getByRole('button', { name: 'Preview' }))
  expect(fake.calls.bulkPreview).toHaveBeenCalledWith({
    rows: [
      { username: 'ann', tier: 'premium' },
      { username: 'bob', tier: 'premium' }
    ],
    until,
    then: 'standard'
  })
  expect(await screen.findByTestId('bulk-return-note')).toHaveTextContent(/^Until 15 Jan 2027, 09:00, then standard: each changed row/)
  expect(screen.getByRole('button', { name: 'Apply 2 changes' })).toBeEnabled()
})

it('asks without a return after "No end date", and a new date drops the preview made without it', async () => {
  open()
  fake.succeed('bulkPreview', { jobId: 'bulk-2', userPoolId: 'eu-west-1_Work', createdAt: '2026-12-05T12:00:00.000Z', changes: 0, rows: [] })
  fireEvent.change(screen.getByLabelText(/Until/), { target: { value: '2027-01-15T09:00' } })
  await userEvent.click(screen.getByRole('button', { name: 'No end date' }))
  await userEvent.click(screen.getByRole('button', { name: 'Preview' }))
  expect(fake.calls.bulkPreview).toHaveBeenLastCalledWith({
    rows: [
      { username: 'ann', tier: 'premium' },
      { username: 'bob', tier: 'premium' }
    ]
  })
  expect(screen.queryByTestId('bulk-return-note')).toBeNull()
  expect(useBulk.getState().preview).not.toBeNull()
  fireEvent.change(screen.getByLabelText(/Until/), { target: { value: '2027-02-01T10:30' } })
  expect(useBulk.getState().preview).toBeNull()
})

it('says where to set a scheduler role on a profile without one', () => {
  useProfiles.setState({ view: { profiles: [profile()], activeId: 'work' } })
  open()
  const until = screen.getByLabelText(/Until/)
  expect(until).toBeDisabled()
  expect(until).toHaveAccessibleDescription(/needs a scheduler role in this profile/)
})
