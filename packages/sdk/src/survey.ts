/**
 * When the survey appears, decided here so that the widget chunk is fetched
 * only when a survey is actually to be shown: a dialog after `complete` or
 * on `otklik('survey')`, subject to sampling and a frequency cap per person
 * and service (kept in localStorage: a person is not asked about the same
 * service twice within `frequencyDays`, whatever the question; `force`
 * overrides it); inline containers
 * (`data-otklik-survey`, read when the page is parsed) and the feedback tab,
 * which are the person's own choice and never sampled or capped.
 */
import { ident } from './clean.js'
import { flag, num, type Resolved } from './config.js'
import { ignored, warn } from './log.js'
import { LOCAL, read, write } from './storage.js'
import type { Fields, Track } from './track.js'
import type { SurveyMetric, SurveyOptions } from './types.js'
import { whenParsed } from './when-parsed.js'
import type { Widget, WidgetModule } from './widget-api.js'

/** When this person was last asked about each service (localStorage). */
const ASKED = 'otklik:a'
/** The main questions a dialog may ask; the first is the default. */
const METRICS: unknown[] = ['csat', 'nps', 'ces'] satisfies SurveyMetric[]

export type Offer = (opts: SurveyOptions, context?: Fields) => void

export function surveys(o: Resolved, track: Track, load: () => Promise<WidgetModule>): Offer {
  let widget: Promise<Widget> | undefined
  const show = (then: (w: Widget) => unknown): void =>
    void (widget ??= load().then((m) => m.mount(o, track)))
      .then(then)
      .catch((err: unknown) => {
        widget = undefined
        ignored('widget_unavailable', err)
      })

  whenParsed(() => {
    if (document.querySelector('[data-otklik-survey]')) show((w) => w.scan())
    // Only ever shown by the person's own click: loading it after parsing costs the page nothing visible.
    if (flag(o.raw.feedbackTab)) show((w) => w.tab())
  })

  return (opts, context = {}) => {
    // The main question, checked here so that a typo is one warning, not a survey nobody asked for.
    if (!METRICS.includes(opts.metric ?? 'csat')) return warn('survey', 'unknown metric')
    const service = ident(opts.service) ?? context.service ?? o.service
    const key = service ?? ''
    const asked = read<Record<string, number>>(LOCAL, ASKED) ?? {}
    if (!opts.force) {
      if (Math.random() >= num(o.raw.sample, 1, 1)) return ignored('sampled_out')
      // Never asked: NaN, which is not less than anything.
      if (Date.now() - asked[key]! < num(o.raw.frequencyDays, 3650, 30) * 864e5) return ignored('frequency_cap')
    }
    show((w) => {
      if (!w.dialog(opts, { ...context, service })) return ignored('survey_open')
      asked[key] = Date.now()
      write(LOCAL, ASKED, asked)
    })
  }
}
