/**
 * The survey inside a container the page provides
 * (`<div data-otklik-survey="csat">`), like a "Was this page useful?" block.
 * It counts as shown when it first comes into view.
 */
import type { SurveyRequest } from './request.js'
import { h, shadowHost } from './dom.js'
import type { Strings } from './locales/types.js'
import { view } from './view.js'

export function showInline(container: Element, r: SurveyRequest, t: Strings): void {
  const { host, root } = shadowHost('inline')
  const v = view(r, t)
  root.append(h('section', { class: 'v p', 'aria-labelledby': 't', lang: t.lang }, h('h2', { id: 't' }, t.title), v.el))
  container.append(host)
  addEventListener('pagehide', () => void v.finish())
  const shown = (): void => r.emit('survey_shown', { metric: r.metric })
  if (typeof IntersectionObserver !== 'function') return shown()
  const io = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return
    io.disconnect()
    shown()
  })
  io.observe(host)
}
