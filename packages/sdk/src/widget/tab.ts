/**
 * The minimised feedback tab (`data-feedback-tab`): a button in the corner
 * that opens the survey dialog. It hides while any dialog is open, and
 * takes focus back when the dialog it opened closes (dialog.ts).
 */
import type { SurveyRequest } from './request.js'
import { dialogOpen, openDialog } from './dialog.js'
import { h, shadowHost } from './dom.js'
import type { Strings } from './locales/types.js'

let shown = false

export function showTab(r: SurveyRequest, t: Strings): void {
  if (shown) return
  shown = true
  const { host, root } = shadowHost('tab')
  root.append(h('div', { class: 'v', lang: t.lang }, h('button', { type: 'button', class: 'tab', 'aria-haspopup': 'dialog', onclick: () => openDialog(r, t) }, t.tab)))
  host.hidden = dialogOpen()
  document.documentElement.append(host)
}
