/**
 * The survey as a non-modal dialog in the corner of the page: focus moves
 * into it when it opens and back where it was when it closes; Esc or the
 * close button dismiss it; Tab may always leave it (no keyboard trap), and
 * the page stays usable behind it. The feedback tab, in the same corner,
 * hides while a dialog is open, so that it never covers the dialog's buttons.
 */
import type { SurveyRequest } from './request.js'
import { deepActive, h, shadowHost } from './dom.js'
import type { Strings } from './locales/types.js'
import { view } from './view.js'

/** The dialog on the page, if any (a page may also have removed it). */
let current: { host: HTMLElement; thanked: () => boolean; close: () => void } | undefined

/** Shows or hides the feedback tab, if the page has one. */
function toggleTab(show: boolean): void {
  const tab = document.querySelector<HTMLElement>('otklik-survey[kind=tab]')
  if (tab) tab.hidden = !show
}

/** A dialog is on the page (the feedback tab starts hidden then). */
export const dialogOpen = (): boolean => !!current?.host.isConnected

export function openDialog(r: SurveyRequest, t: Strings): boolean {
  if (current?.host.isConnected) {
    // A dialog at its thanks gives way to a new survey; one still asking does not.
    if (!current.thanked()) return false
    current.close()
  }
  const before = deepActive()
  const { host, root } = shadowHost('dialog')
  const v = view(r, t)
  const onHide = (): void => void v.finish()

  function close(): void {
    if (!host.isConnected) return
    // Closed at the question: dismissed. Later: the answer given so far is sent.
    if (!v.finish() && v.state() === 'question') r.emit('survey_dismissed', { metric: r.metric })
    const hadFocus = root.activeElement !== null
    host.remove()
    removeEventListener('pagehide', onHide)
    // Shown again first, so that focus can go back to it if it opened the dialog.
    toggleTab(true)
    if (hadFocus && before instanceof HTMLElement && before.isConnected) before.focus()
  }

  root.append(
    h(
      'div',
      {
        class: 'v p d',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 't',
        lang: t.lang,
        onkeydown: (e) => {
          if ((e as KeyboardEvent).key !== 'Escape') return
          e.stopPropagation()
          close()
        },
      },
      h('div', { class: 'h' }, h('h2', { id: 't' }, t.title), h('button', { type: 'button', class: 'x', 'aria-label': t.close, onclick: close }, '×')),
      v.el,
    ),
  )
  // On <html>, not <body>: a transformed or hidden body cannot displace or hide it.
  document.documentElement.append(host)
  addEventListener('pagehide', onHide)
  toggleTab(false)
  current = { host, thanked: () => v.state() === 'thanks', close }
  r.emit('survey_shown', { metric: r.metric })
  v.focus()
  return true
}
