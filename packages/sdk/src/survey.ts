/**
 * When the survey appears, decided here so that the widget chunk is fetched
 * only when a survey is actually to be shown: a dialog after `complete` or
 * on `otklik('survey')`, subject to sampling and a frequency cap per person
 * and service (kept in localStorage); inline containers
 * (`data-otklik-survey`, read when the page is parsed) and the feedback tab,
 * which are the person's own choice and never sampled or capped.
 */
import { ident } from './clean.js'
import { flag, num, type Resolved } from './config.js'
import { ignored } from './log.js'
import { LOCAL, read, write } from './storage.js'
import type { Fields, Track } from './track.js'
import type { SurveyOptions } from './types.js'
import { whenParsed } from './when-parsed.js'
import type { Widget, WidgetModule } from './widget-api.js'

const ASKED = 'otklik:asked'

export type Offer = (opts: SurveyOptions, context?: Fields) => void

export function surveys(o: Resolved, track: Track, load: () => Promise<WidgetModule>): Offer {
  const { sample, frequencyDays, feedbackTab } = o.raw
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
    if (flag(feedbackTab)) show((w) => w.tab())
  })

  return (opts, context = {}) => {
    const service = ident(opts.service) ?? context.service ?? o.service ?? ''
    const asked = read<Record<string, number>>(LOCAL, ASKED) ?? {}
    if (!opts.force) {
      if (Math.random() >= num(sample, 1, 1)) return ignored('sampled_out')
      if (Date.now() - (asked[service] ?? 0) < num(frequencyDays, 3650, 30) * 864e5) return ignored('frequency_cap')
    }
    show((w) => {
      if (!w.dialog(opts, { ...context, service })) return ignored('survey_open')
      asked[service] = Date.now()
      write(LOCAL, ASKED, asked)
    })
  }
}
