/**
 * One service: its figures with change, the trend of each metric (interval
 * band, previous period as a second line), score distributions, the funnel
 * with the flagged step marked, groups compared, comments and definitions.
 */
import type { DistributionReport, FlagsReport, FunnelReport, Service, ServicesReport, TimeseriesReport } from '@otklik/contract/types'
import { useApi } from '../api/use-api.js'
import { changeText, METRICS } from '../components/figures.js'
import { ExcludedNote } from '../components/excluded-note.js'
import { Kpi } from '../components/kpi.js'
import { Link } from '../components/layout.js'
import { apiFilters, previousParams, withParams } from '../components/period.js'
import { ErrorBox, Loading } from '../components/status.js'
import { windowText } from '../i18n/format.js'
import { lang, t } from '../state/lang.js'
import { canReadComments } from '../state/session.js'
import { query } from '../state/url.js'
import { change, wilson } from '../stats/pooled.js'
import { Comments, Distribution, FunnelView, Groups } from './service-parts.js'
import { TrendFigure, shiftBetween } from './trend-figure.js'

const figuresOf = (s: ServicesReport['services'][number]) => ({
  csat: s.csat,
  nps: s.nps,
  ces: s.ces,
  completion: wilson(s.journeys.completed, s.journeys.started),
})

export function ServicePage() {
  const m = t.value
  const l = lang.value
  const q = query.value
  const id = q.get('id') ?? ''
  const compare = q.get('compare') !== 'none'
  const params = withParams(apiFilters(q), { service: id, lang: l })
  const period = Number(q.get('period') ?? '28')
  const bucket = period > 28 || q.get('period') === 'custom' ? 'week' : 'day'
  const registry = useApi<Service>(`/services/${encodeURIComponent(id)}`)
  const now = useApi<ServicesReport>('/metrics/services', params)
  const window = now.data?.window
  const prevParams = window ? previousParams(params, window) : params
  const before = useApi<ServicesReport>(compare && window ? '/metrics/services' : null, prevParams)
  const series = useApi<TimeseriesReport>('/metrics/timeseries', withParams(params, { bucket }))
  const prevSeries = useApi<TimeseriesReport>(compare && window ? '/metrics/timeseries' : null, withParams(prevParams, { bucket }))
  const dist = useApi<DistributionReport>('/metrics/distribution', params)
  const funnel = useApi<FunnelReport>('/metrics/funnel', params)
  const flags = useApi<FlagsReport>('/flags', params)
  const name = registry.data ? (l === 'en' ? registry.data.name_en : registry.data.name_ru) : (now.data?.services[0]?.name ?? id)
  const current = now.data?.services.find((s) => s.service === id)
  const previous = before.data?.services.find((s) => s.service === id)
  const serviceFlags = flags.data?.flags.filter((f) => f.service === id) ?? []
  const changes = Object.fromEntries(
    METRICS.map((metric) => [metric, current && previous ? change(figuresOf(current)[metric], figuresOf(previous)[metric]) : compare ? undefined : undefined]),
  )
  return (
    <>
      <p>
        <Link to={{ view: 'services', id: undefined }}>← {m.service.back}</Link>
      </p>
      <h1>{name}</h1>
      {window && <p class="muted window">{windowText(l, window.from, window.to)}</p>}
      {registry.error && !now.data?.services.length && <p>{m.service.notFound}</p>}
      {serviceFlags.length > 0 && (
        <section aria-labelledby="service-flags">
          <h2 id="service-flags">{m.flagsView.title}</h2>
          <ul class="reasons">
            {serviceFlags.map((f, i) => (
              <li key={i} data-rule={f.rule}>
                <span class={`severity ${f.severity}`}>{m.rules[f.rule]}</span> <span class="explanation">{f.explanation}</span>
                {f.status && (
                  <span class="small">
                    {' '}
                    ({m.flagsView.status}: {m.flagCase.statuses[f.status]})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="service-kpis">
        <h2 id="service-kpis">{m.overview.kpis}</h2>
        {now.error ? (
          <ErrorBox message={now.error} />
        ) : !current ? (
          now.data ? <p>{m.noData}</p> : <Loading />
        ) : (
          <div class="kpis">
            {METRICS.map((metric) => (
              <Kpi key={metric} metric={metric} figure={figuresOf(current)[metric]} compare={compare} journeys={metric === 'completion'} change={before.data ? (changes[metric] ?? null) : undefined} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="service-excluded">
        <h2 id="service-excluded">{m.excluded.title}</h2>
        <ExcludedNote params={params} />
      </section>
      <section aria-labelledby="service-trend">
        <h2 id="service-trend">{m.service.trend}</h2>
        {series.error ? (
          <ErrorBox message={series.error} />
        ) : !series.data ? (
          <Loading />
        ) : (
          <div class="charts">
            {METRICS.map((metric) => (
              <TrendFigure
                key={metric}
                metric={metric}
                serviceName={name}
                points={series.data!.points.filter((p) => p.service === id)}
                previous={compare ? prevSeries.data?.points.filter((p) => p.service === id) : undefined}
                shift={window && prevSeries.data ? shiftBetween(prevSeries.data.window.from, window.from) : 0}
                change={changeText(metric, changes[metric] ?? null, m, l)}
              />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="service-dist">
        <h2 id="service-dist">{m.service.distributions}</h2>
        {dist.error ? (
          <ErrorBox message={dist.error} />
        ) : !dist.data ? (
          <Loading />
        ) : (
          <div class="charts">
            {(['csat', 'nps', 'ces'] as const).map((metric) => (
              <Distribution key={metric} metric={metric} rows={dist.data!.distributions.filter((r) => r.service === id && r.metric === metric && r.question === '')} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="service-funnel">
        <h2 id="service-funnel">{m.service.funnel}</h2>
        <p class="muted">{m.service.funnelIntro}</p>
        {funnel.error ? <ErrorBox message={funnel.error} /> : !funnel.data ? <Loading /> : funnel.data.funnels.filter((f) => f.service === id).map((f) => <FunnelView key={f.service} funnel={f} flags={serviceFlags} />)}
      </section>
      <section aria-labelledby="service-groups">
        <h2 id="service-groups">{m.service.groups}</h2>
        <Groups params={params} flags={serviceFlags} />
      </section>
      <section aria-labelledby="service-comments">
        <h2 id="service-comments">{m.service.comments}</h2>
        {canReadComments() ? <Comments params={params} /> : <p class="muted">{m.service.commentsHidden}</p>}
      </section>
      <section aria-labelledby="service-definitions">
        <h2 id="service-definitions">{m.service.definitions}</h2>
        <ul>
          {m.definitions.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </section>
    </>
  )
}
