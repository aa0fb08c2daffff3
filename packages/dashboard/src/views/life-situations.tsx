/** Each life situation with its services and end-to-end figures (answers and journeys pooled). */
import type { BreakdownReport, Named, ServiceList } from '@otklik/contract/types'
import { useApi } from '../api/use-api.js'
import { DataTable } from '../components/data-table.js'
import { formatInterval, formatValue } from '../components/figures.js'
import { apiFilters, withParams } from '../components/period.js'
import { ErrorBox, Loading } from '../components/status.js'
import { count, windowText } from '../i18n/format.js'
import { lang, t } from '../state/lang.js'
import { query } from '../state/url.js'
import { wilson } from '../stats/pooled.js'

export function LifeSituations() {
  const m = t.value
  const l = lang.value
  const params = withParams(apiFilters(query.value), { lang: l })
  const situations = useApi<{ life_situations: Named[] }>('/life-situations')
  const groups = useApi<BreakdownReport>('/metrics/breakdown', withParams(params, { by: 'life_situation' }))
  const registry = useApi<ServiceList>('/services')
  const serviceName = new Map((registry.data?.services ?? []).map((s) => [s.id, l === 'en' ? s.name_en : s.name_ru]))
  const error = situations.error ?? groups.error
  if (error) return <ErrorBox message={error} />
  if (!situations.data || !groups.data) return <Loading />
  const all = situations.data.life_situations
  return (
    <>
      <h1>{m.lifeView.title}</h1>
      <p class="muted window">{windowText(l, groups.data.window.from, groups.data.window.to)}</p>
      <p>{m.lifeView.intro}</p>
      {all.length === 0 && <p>{m.lifeView.none}</p>}
      {all.map((s) => {
        const name = l === 'en' ? s.name_en : s.name_ru
        const rows = groups.data!.groups.filter((g) => g.group === s.id)
        // End to end: satisfied answers and completed journeys summed over the services.
        const satisfied = rows.reduce((a, g) => a + Math.round((g.csat.value ?? 0) * g.csat.n), 0)
        const answers = rows.reduce((a, g) => a + g.csat.n, 0)
        const started = rows.reduce((a, g) => a + g.journeys.started, 0)
        const completed = rows.reduce((a, g) => a + g.journeys.completed, 0)
        const csat = wilson(satisfied, answers)
        const completion = wilson(completed, started)
        const data = {
          caption: name,
          head: [m.servicesView.name, m.metric.csat, m.interval, m.metric.completion, m.metric.volume],
          rows: [
            ...rows.map((g) => {
              const c = wilson(g.journeys.completed, g.journeys.started)
              return [serviceName.get(g.service) ?? g.service, formatValue('csat', g.csat.value, l), formatInterval('csat', g.csat, l), formatValue('completion', c.value, l), count(l, g.journeys.started)]
            }),
            [m.controls.any, formatValue('csat', csat.value, l), formatInterval('csat', csat, l), formatValue('completion', completion.value, l), count(l, started)],
          ],
        }
        return (
          <section key={s.id} aria-labelledby={`ls-${s.id}`}>
            <h2 id={`ls-${s.id}`}>{name}</h2>
            <DataTable data={data} />
          </section>
        )
      })}
    </>
  )
}
