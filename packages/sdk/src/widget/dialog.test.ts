import { expect, it, vi } from 'vitest'
import { openDialog } from './dialog.js'
import en from './locales/en.js'
import type { SurveyRequest } from './request.js'
import { showTab } from './tab.js'

const request = (metric: SurveyRequest['metric']): SurveyRequest => ({ metric, criteria: [], emit: vi.fn() })
const dialogs = () => [...document.querySelectorAll<HTMLElement>('otklik-survey[kind=dialog]')]

it('keeps one dialog: a second survey waits while the first asks, and replaces it once it has thanked', () => {
  const first = request('csat')
  expect(openDialog(first, en)).toBe(true)
  expect(openDialog(request('nps'), en)).toBe(false)
  const root = dialogs()[0]!.shadowRoot!
  root.querySelector<HTMLInputElement>('input[type=radio]')!.click()
  root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
  root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true })) // details sent: thanks
  expect(root.querySelector('[role=status]')).not.toBeNull()
  expect(openDialog(request('nps'), en)).toBe(true)
  expect(dialogs()).toHaveLength(1)
  expect(dialogs()[0]!.shadowRoot!.querySelectorAll('input[type=radio]')).toHaveLength(11)
  expect(vi.mocked(first.emit).mock.calls.map(([type]) => type)).toEqual(['survey_shown', 'survey_response'])
  // A dialog the page removed does not block the next one.
  dialogs()[0]!.remove()
  expect(openDialog(request('ces'), en)).toBe(true)
})

it('hides the feedback tab while any dialog is open (they share a corner), and gives focus back to the tab that opened it', () => {
  for (const d of dialogs()) d.remove()
  showTab(request('csat'), en)
  const tab = document.querySelector<HTMLElement>('otklik-survey[kind=tab]')!
  const button = tab.shadowRoot!.querySelector('button')!
  // A dialog opened by the page (after `complete`), not by the tab.
  expect(openDialog(request('nps'), en)).toBe(true)
  expect(tab.hidden).toBe(true)
  dialogs()[0]!.shadowRoot!.querySelector<HTMLButtonElement>('button.x')!.click()
  expect(tab.hidden).toBe(false)
  // The tab's own dialog.
  button.focus()
  button.click()
  expect(tab.hidden).toBe(true)
  dialogs()[0]!.shadowRoot!.querySelector('[role=dialog]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
  expect(dialogs()).toHaveLength(0)
  expect(tab.hidden).toBe(false)
  expect(tab.shadowRoot!.activeElement).toBe(button)
})

it('shows the feedback tab hidden when a dialog is already open, and again once it closes', async () => {
  vi.resetModules()
  const { openDialog: open } = await import('./dialog.js')
  const { showTab: tab } = await import('./tab.js')
  for (const d of document.querySelectorAll('otklik-survey')) d.remove()
  expect(open(request('csat'), en)).toBe(true)
  tab(request('csat'), en)
  const host = document.querySelector<HTMLElement>('otklik-survey[kind=tab]')!
  expect(host.hidden).toBe(true)
  dialogs()[0]!.shadowRoot!.querySelector<HTMLButtonElement>('button.x')!.click()
  expect(host.hidden).toBe(false)
})
