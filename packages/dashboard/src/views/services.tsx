/** Every service in a sortable, filterable table with its figures, flags and a CSAT sparkline. */
import type { FlagsReport, Named, ServiceMetrics, ServicesReport, TimeseriesReport } from '@otklik/contract/types'
import { useApi } from '../api/use-api.js'
import { Sparkline } from '../charts/sparkline.js'
import { CsvButton } from '../components/csv-button.js'
import { formatValue } from '../components/figures.js'
import { Link } from '../components/layout.js'
import { apiFilters, withParams } from '../components/period.js'
import { ErrorBox, Loading } from '../components/status.js'
import { DASH, count, windowText } from '../i18n/format.js'
import { lang, t } from '../state/lang.js'
import { navigate, query } from '../state/url.js'

const COLUMNS = ['name', 'agency', 'csat', 'nps', 'ces', 'completion', 'volume', 'flags'] as const
type Column = (typeof COLUMNS)[number]

export function ServicesView() {
  const m = t.value
  const l = lang.value
  const q = query.value
  const params = withParams(apiFilters(q), { lang: l })
  const services = useApi<ServicesReport>('/metrics/services', params)
  const flags = useApi<FlagsReport>('/flags', params)
  const weekly = useApi<TimeseriesReport>('/metrics/timeseries', withParams(params, { bucket: 'week' }))
  const agencies = useApi<{ agencies: Named[] }>('/agencies')
  const sort = (COLUMNS as readonly string[]).includes(q.get('sort') ?? '') ? (q.get('sort') as Column) : 'name'
  const descending = q.get('dir') === 'desc'
  const search = q.get('q') ?? ''
  if (services.error) return <ErrorBox message={services.error} />
  const agencyName = new Map((agencies.data?.agencies ?? []).map((a) => [a.id, l === 'en' ? a.name_en : a.name_ru]))
  const flagCount = new Map<string, number>()
  for (const f of flags.data?.flags ?? []) flagCount.set(f.service, (flagCount.get(f.service) ?? 0) + 1)
  const key = (s: ServiceMetrics, c: Column): string | number => {
    switch (c) {
      case 'name':
        return s.name ?? s.service
      case 'agency':
        return agencyName.get(s.agency ?? '') ?? s.agency ?? ''
      case 'csat':
      case 'nps':
      case 'ces':
        return s[c].value ?? -Infinity
      case 'completion':
        return s.journeys.completion_rate ?? -Infinity
      case 'volume':
        return s.journeys.started
      case 'flags':
        return flagCount.get(s.service) ?? 0
    }
  }
  const needle = search.trim().toLowerCase()
  const rows = (services.data?.services ?? [])
    .filter((s) => needle === '' || `${s.name ?? ''} ${s.service} ${key(s, 'agency')}`.toLowerCase().includes(needle))
    .sort((a, b) => {
      const x = key(a, sort)
      const y = key(b, sort)
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), l)
      return descending ? -order : order
    })
  const label: Record<Column, string> = {
    name: m.servicesView.name,
    agency: m.servicesView.agency,
    csat: m.metric.csat,
    nps: m.metric.nps,
    ces: m.metric.ces,
    completion: m.metric.completion,
    volume: m.metric.volume,
    flags: m.servicesView.flags,
  }
  const csatSeries = (id: string) => (weekly.data?.points ?? []).filter((p) => p.service === id).map((p) => p.csat.value)
  return (
    <>
      <h1>{m.servicesView.title}</h1>
      {services.data && <p class="muted window">{windowText(l, services.data.window.from, services.data.window.to)}</p>}
      <div class="toolbar">
        <label class="filter">
          <span>{m.servicesView.filter}</span>
          <input type="search" value={search} onInput={(e) => navigate({ q: e.currentTarget.value }, true)} />
        </label>
        <CsvButton
          path="/metrics/services.csv"
          params={withParams(params, rows.length > 0 && rows.length <= 100 ? { service: rows.map((r) => r.service).join(',') } : {})}
          fileName="otklik-services.csv"
          label={m.servicesView.csv}
        />
      </div>
      {!services.data ? (
        <Loading />
      ) : (
        <>
          <p class="small" role="status">
            {m.servicesView.shown(rows.length)}
          </p>
          <div class="table-scroll" role="region" aria-label={m.servicesView.caption} tabIndex={0}>
            <table class="services">
              <caption>{m.servicesView.caption}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" aria-sort={sort === c ? (descending ? 'descending' : 'ascending') : undefined}>
                      <button type="button" class="sort" onClick={() => navigate({ sort: c === 'name' ? undefined : c, dir: sort === c && !descending ? 'desc' : undefined }, true)}>
                        {label[c]}
                        <span aria-hidden="true">{sort === c ? (descending ? ' ▼' : ' ▲') : ''}</span>
                      </button>
                    </th>
                  ))}
                  <th scope="col">{m.servicesView.trend}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.service} data-service={s.service}>
                    <th scope="row">
                      <Link to={{ view: 'service', id: s.service, q: undefined, sort: undefined, dir: undefined }}>{s.name ?? s.service}</Link>
                    </th>
                    <td>{key(s, 'agency') || DASH}</td>
                    <td>{formatValue('csat', s.csat.value, l)}</td>
                    <td>{formatValue('nps', s.nps.value, l)}</td>
                    <td>{formatValue('ces', s.ces.value, l)}</td>
                    <td>{formatValue('completion', s.journeys.completion_rate, l)}</td>
                    <td>{count(l, s.journeys.started)}</td>
                    <td>{count(l, flagCount.get(s.service) ?? 0)}</td>
                    <td>
                      <Sparkline values={csatSeries(s.service)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  )
}
