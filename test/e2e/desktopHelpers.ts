/** Small helpers for the desktop-behaviour specs: where focus is, screen switching, raw schema text. */
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** What the operator (and a screen reader) would take the focused element to be. */
export interface Focused {
  tag: string
  role: string
  label: string
  text: string
}

export const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const element = (document.activeElement ?? document.body) as HTMLElement
    const byFor = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null
    return {
      tag: element.tagName,
      role: element.getAttribute('role') ?? '',
      label: (byFor ?? element.getAttribute('aria-label') ?? '').trim(),
      text: (element.textContent ?? '').trim().slice(0, 200)
    }
  })

export async function go(page: Page, screen: 'Register' | 'Confirm' | 'Users' | 'Statistics'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: screen, exact: true }).click()
}

/** Zod's own wording ("Too big: expected string to have <=256 characters") must never reach the screen. */
export async function expectNoRawSchemaText(page: Page): Promise<void> {
  const text = await page.locator('body').innerText()
  expect(text).not.toMatch(/Too (big|small)|expected (string|number)|Invalid input|<=\d|>=\d/)
}
