/** What the Statistics screen's tests share: a saved file's id, and the Export menu opened. */
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect } from 'vitest'

/** An id as main gives one with a save. */
export const FILE_ID = '3f2b8a1c-5d4e-4f6a-9b7c-8d9e0f1a2b3c'

/** Opens the screen's one Export menu and returns it. */
export async function openExportMenu(): Promise<HTMLElement> {
  const toggle = await screen.findByRole('button', { name: 'Export' })
  await userEvent.click(toggle)
  expect(toggle).toHaveAttribute('aria-expanded', 'true')
  return screen.getByRole('group', { name: 'Exports' })
}
