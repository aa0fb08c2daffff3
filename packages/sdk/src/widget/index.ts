/**
 * The widget chunk (`otklik-widget.js`), loaded by the core only when a
 * survey is to be shown. Everything it renders lives in a shadow root.
 */
import type { Fields } from '../track.js'
import type { TrackSurvey, Widget, WidgetContext } from '../widget-api.js'
import { openDialog } from './dialog.js'
import { strings } from './i18n.js'
import { showInline } from './inline.js'
import { criteria, isIdent, metric } from './options.js'
import type { SurveyRequest } from './request.js'
import { showTab } from './tab.js'

export function mount(c: WidgetContext, track: TrackSurvey): Widget {
  const t = strings(c.locale)
  const request = (m: unknown, crit: unknown, context: Fields): SurveyRequest => ({
    metric: metric(m ?? c.raw.survey),
    criteria: criteria(crit ?? c.raw.criteria),
    emit: (type, answer) => track(type, { ...context, ...answer }),
  })
  const filled = new WeakSet<Element>()
  return {
    dialog: (o, context) => openDialog(request(o.metric, o.criteria, context), t),
    scan() {
      for (const el of document.querySelectorAll<HTMLElement>('[data-otklik-survey]')) {
        if (filled.has(el)) continue
        filled.add(el)
        const d = el.dataset
        const service = isIdent(d.service ?? '') ? d.service : c.service
        showInline(el, request(d.otklikSurvey || 'csat', d.criteria ?? '', { service }), t)
      }
    },
    tab: () => showTab(request(undefined, undefined, { service: c.service }), t),
  }
}
