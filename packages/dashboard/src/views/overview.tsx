/**
 * The overview: the portfolio's CSAT, NPS, CES and completion with interval,
 * n and change; how many services are flagged; and the ranked "needs
 * optimisation" list with each flag's reason from the API.
 */
import type { DistributionReport, Flag, FlagsReport, ServicesReport } from '@otklik/contract/types'
import { useApi } from '../api/use-api.js'
import { METRICS } from '../components/figures.js'
import { ExcludedNote } from '../components/excluded-note.js'
import { Kpi } from '../components/kpi.js'
import { Link } from '../components/layout.js'
import { apiFilters, previousParams, withParams } from '../components/period.js'
import { ErrorBox, Loading } from '../components/status.js'
import { count, windowText } from '../i18n/format.js'
import { plural } from '../i18n/plural.js'
import { lang, t } from '../state/lang.js'
import { query } from '../state/url.js'
import { change, pool, type Portfolio } from '../stats/pooled.js'

const journeysOf = (s: ServicesReport | undefined) =>
  (s?.services ?? []).reduce((a, x) => ({ started: a.started + x.journeys.started, completed: a.completed + x.journeys.completed }), { started: 0, completed: 0 })

export function usePortfolio(params: URLSearchParams, skip = false) {
  const services = useApi<ServicesReport>(skip ? null : '/metrics/services', params)
  const scores = useApi<DistributionReport>(skip ? null : '/metrics/distribution', params)
  const error = services.error ?? scores.error
  const portfolio: Portfolio | undefined = services.data && scores.data ? pool(scores.data.distributions, journeysOf(services.data)) : undefined
  return { services, portfolio, error }
}

export function Overview() {
  const m = t.value
  const l = lang.value
  const q = query.value
  const params = apiFilters(q)
  const compare = q.get('compare') !== 'none'
  const now = usePortfolio(params)
  const window = now.services.data?.window
  const before = usePortfolio(window ? previousParams(params, window) : params, !compare || !window)
  const flags = useApi<FlagsReport>('/flags', withParams(params, { lang: l }))
  return (
    <>
      <h1>{m.overview.title}</h1>
      {window && <p class="muted window">{windowText(l, window.from, window.to)}</p>}
      <section aria-labelledby="kpis">
        <h2 id="kpis">{m.overview.kpis}</h2>
        {now.error ? (
          <ErrorBox message={now.error} />
        ) : !now.portfolio ? (
          <Loading />
        ) : (
          <div class="kpis">
            {METRICS.map((metric) => (
              <Kpi
                key={metric}
                metric={metric}
                figure={now.portfolio![metric]}
                compare={compare}
                journeys={metric === 'completion'}
                change={before.portfolio ? change(now.portfolio![metric], before.portfolio[metric]) : undefined}
              />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="excluded">
        <h2 id="excluded">{m.excluded.title}</h2>
        <ExcludedNote params={params} />
      </section>
      <section aria-labelledby="ranked">
        <h2 id="ranked">{m.overview.ranked}</h2>
        {flags.error ? <ErrorBox message={flags.error} /> : !flags.data || !now.services.data ? <Loading /> : <Ranked flags={flags.data} total={now.services.data.services.length} />}
      </section>
    </>
  )
}

function Ranked({ flags, total }: { flags: FlagsReport; total: number }) {
  const m = t.value
  const l = lang.value
  const byService = new Map<string, Flag[]>()
  for (const f of flags.flags) byService.set(f.service, [...(byService.get(f.service) ?? []), f])
  return (
    <>
      <p class="flag-count">
        <strong>{m.overview.flagged(flags.ranking.length, total)}</strong> {plural(l, total, m.services)}.
      </p>
      <p class="muted">{m.overview.rankedIntro}</p>
      {flags.ranking.length === 0 ? (
        <p>{m.overview.none}</p>
      ) : (
        <ol class="ranked">
          {flags.ranking.map((r) => {
            const list = byService.get(r.service) ?? []
            const name = list[0]?.name ?? r.service
            const affected = Math.max(0, ...list.map((f) => f.affected))
            const firstSeen = list.map((f) => f.first_seen).filter((d): d is string => d !== undefined).sort()[0]
            return (
              <li key={r.service} class="ranked-item" data-service={r.service}>
                <h3>
                  <Link to={{ view: 'service', id: r.service }}>{name}</Link>
                </h3>
                <ul class="reasons" aria-label={m.overview.rules}>
                  {list.map((f, i) => (
                    <li key={i} data-rule={f.rule}>
                      <span class={`severity ${f.severity}`}>{m.rules[f.rule]}</span> <span class="visually-hidden">({m.severity[f.severity]})</span>
                      <span class="explanation">{f.explanation}</span>
                    </li>
                  ))}
                </ul>
                <p class="small">
                  {m.overview.affected}: <span class="affected">{count(l, affected)}</span> {plural(l, affected, m.people)} · {m.overview.since}:{' '}
                  {firstSeen ? windowText(l, firstSeen, flags.window.to) : windowText(l, flags.window.from, flags.window.to)}
                </p>
              </li>
            )
          })}
        </ol>
      )}
    </>
  )
}
