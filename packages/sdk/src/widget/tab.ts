/**
 * The minimised feedback tab (`data-feedback-tab`): a button in the corner
 * that opens the survey dialog, hides while the dialog is open, and takes
 * focus back when it closes.
 */
import type { SurveyRequest } from './request.js'
import { openDialog } from './dialog.js'
import { h, shadowHost } from './dom.js'
import type { Strings } from './locales/types.js'

let shown = false

export function showTab(r: SurveyRequest, t: Strings): void {
  if (shown) return
  shown = true
  const { host, root } = shadowHost('tab')
  const button = h(
    'button',
    {
      type: 'button',
      class: 'tab',
      'aria-haspopup': 'dialog',
      onclick: () => {
        const reopen = (): void => {
          host.hidden = false
          button.focus()
        }
        if (openDialog(r, t, reopen)) host.hidden = true
      },
    },
    t.tab,
  )
  root.append(h('div', { class: 'v', lang: t.lang }, button))
  document.documentElement.append(host)
}
