/**
 * A bulk tier change from a tier's member list takes every member, read from main a thousand at a
 * time, not only the page on screen; past one job's limit it offers the page, and says why.
 */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, it, vi } from 'vitest'
import { TierMembersPanel } from '../../../../src/renderer/src/features/users/TierMembersPanel'
import { useTierMembers } from '../../../../src/renderer/src/features/users/tierMembersStore'
import { MAX_BULK_ROWS } from '../../../../src/shared/bulk'
import { installFakeApi, type FakeApi } from '../../support/fakeApi'

let fake: FakeApi
const member = (i: number) => ({ username: `user_${i}`, email: `user_${i}@example.com`, tierValue: 'premium' })

beforeEach(() => {
  fake = installFakeApi()
  useTierMembers.setState({ view: null, error: null, loading: false })
})

function show(total: number) {
  const view = { bucket: 'premium' as const, offset: 0, total, members: Array.from({ length: Math.min(50, total) }, (_, i) => member(i)) }
  useTierMembers.setState({ view })
  const onBulk = vi.fn()
  const props = { view, error: null, scannedAt: null, selected: null, onOpen: vi.fn(), onPage: vi.fn(), onBack: vi.fn(), onGoToStatistics: vi.fn() }
  render(<TierMembersPanel {...props} onBulk={onBulk} allUsernames={useTierMembers.getState().allUsernames} />)
  return onBulk
}

it('opens the bulk change with all 2,345 members, read in pages of a thousand', async () => {
  fake.reply('listTierMembers', (request) => {
    const { offset = 0, limit = 100 } = request ?? {}
    const members = Array.from({ length: Math.max(0, Math.min(limit, 2345 - offset)) }, (_, i) => member(offset + i))
    return { ok: true, data: { members, total: 2345 } }
  })
  const onBulk = show(2345)
  await userEvent.click(screen.getByRole('button', { name: 'Change tier of all 2,345…' }))
  await vi.waitFor(() => expect(onBulk).toHaveBeenCalledTimes(1))
  const usernames = onBulk.mock.calls[0]![0] as string[]
  expect(usernames).toHaveLength(2345)
  expect(new Set(usernames).size).toBe(2345)
  expect(fake.calls.listTierMembers.mock.calls.map(([request]) => (request as { offset: number }).offset)).toEqual([0, 1000, 2000])
})

it('offers the page alone past one job’s limit', async () => {
  const onBulk = show(MAX_BULK_ROWS + 1)
  const button = screen.getByRole('button', { name: 'Change tier of 50 on this page…' })
  expect(button).toHaveAttribute('title', 'One bulk change takes at most 10,000 users')
  await userEvent.click(button)
  expect(onBulk).toHaveBeenCalledWith(Array.from({ length: 50 }, (_, i) => `user_${i}`))
})
