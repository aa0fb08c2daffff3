/**
 * The public open-data page, from the dashboard's components: a short
 * summary, the method, a search by service or agency, and per service a
 * CSAT trend (a figure with its table) and a table of every month, partial
 * months marked, hidden cells said in words. It reads only the public
 * /v1/open/services.json, whose suppression the server applies.
 */
import { useEffect } from 'preact/hooks'
import { useApi } from '../api/use-api.js'
import type { OpenData, OpenDataRow } from '@otklik/contract/types'
import { TrendChart } from '../charts/trend-chart.js'
import { ChartFigure } from '../components/chart-figure.js'
import { DataTable } from '../components/data-table.js'
import { formatValue } from '../components/figures.js'
import { LanguageSwitch, LiveRegion } from '../components/layout.js'
import { ErrorBox, Loading } from '../components/status.js'
import { DASH, count, decimal } from '../i18n/format.js'
import type { Lang } from '../i18n/lang.js'
import type { Messages } from '../i18n/messages.js'
import { lang, t } from '../state/lang.js'
import { navigate, query } from '../state/url.js'
import { ActionsSection } from './actions-section.js'
import { ABOUT, METHOD } from './texts.js'

const monthName = (l: Lang, month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleDateString(l, { timeZone: 'UTC', month: 'long', year: 'numeric' })

function cell(row: OpenDataRow, field: keyof OpenDataRow, text: (v: number) => string, m: Messages): string {
  const v = row[field]
  if (typeof v === 'number') return text(v)
  return row.suppressed[field] ? m.open.suppressed : DASH
}

function ServiceSection({ rows, l, m }: { rows: OpenDataRow[]; l: Lang; m: Messages }) {
  const first = rows[0]!
  const name = l === 'en' ? first.name_en : first.name_ru
  const table = {
    caption: name,
    head: [m.open.month, m.metric.csat, m.metric.nps, m.metric.ces, m.metric.completion, m.service.count, m.metric.volume],
    rows: rows.map((r) => [
      `${monthName(l, r.month)}${r.complete ? '' : ` (${m.open.partial})`}`,
      cell(r, 'csat', (v) => formatValue('csat', v, l), m),
      cell(r, 'nps', (v) => decimal(l, v, 0), m),
      cell(r, 'ces', (v) => decimal(l, v, 1), m),
      cell(r, 'completion_rate', (v) => formatValue('completion', v, l), m),
      cell(r, 'responses', (v) => count(l, v), m),
      cell(r, 'journeys', (v) => count(l, v), m),
    ]),
  }
  const known = rows.filter((r) => r.csat !== null)
  const title = m.open.trend(name)
  const summary =
    known.length > 0
      ? `${m.metric.csat}: ${known.map((r) => `${monthName(l, r.month)} ${formatValue('csat', r.csat, l)}`).join(', ')}.`
      : m.chart.noData(title)
  const csatTable = { caption: title, head: [m.open.month, m.metric.csat], rows: rows.map((r) => [monthName(l, r.month), cell(r, 'csat', (v) => formatValue('csat', v, l), m)]) }
  return (
    <section class="open-service" aria-labelledby={`s-${first.service}`}>
      <h3 id={`s-${first.service}`}>{name}</h3>
      {first.agency && (
        <p class="small muted">
          {m.open.agency}: {first.agency}
        </p>
      )}
      <ChartFigure title={title} summary={summary} table={csatTable} fileName={`otklik-open-${first.service}.csv`}>
        {known.length > 0 && (
          <TrendChart
            lang={l}
            points={rows.map((r) => ({ date: `${r.month}-01`, value: r.csat, low: null, high: null }))}
            domain={[0, 1]}
            formatTick={(v) => formatValue('csat', v, l)}
          />
        )}
      </ChartFigure>
      <DataTable data={table} />
    </section>
  )
}

export function OpenPage() {
  const m = t.value
  const l = lang.value
  const about = ABOUT[l]
  const search = query.value.get('q') ?? ''
  const { data, error } = useApi<OpenData>('/open/services.json')
  useEffect(() => {
    document.title = m.open.title
  }, [m])
  const byService = new Map<string, OpenDataRow[]>()
  for (const r of data?.rows ?? []) byService.set(r.service, [...(byService.get(r.service) ?? []), r])
  const needle = search.trim().toLowerCase()
  const shown = [...byService.values()].filter((rows) => {
    const r = rows[0]!
    return needle === '' || `${r.name_ru} ${r.name_en} ${r.service} ${r.agency ?? ''}`.toLowerCase().includes(needle)
  })
  const months = new Set((data?.rows ?? []).map((r) => r.month)).size
  return (
    <>
      <a class="skip" href="#main">
        {m.skip}
      </a>
      <header class="top">
        <p class="brand">Otklik</p>
        <LanguageSwitch />
      </header>
      <LiveRegion />
      <main id="main" tabIndex={-1}>
        <h1>{m.open.title}</h1>
        <p>{m.open.intro}</p>
        {data && <p class="summary">{m.open.summary(byService.size, months)}</p>}
        <section aria-labelledby="about">
          <h2 id="about">{about.title}</h2>
          <p>{about.body}</p>
          <p>
            {about.download} <a href="/v1/open/services.csv">CSV</a>, <a href="/v1/open/services.json">JSON</a>
          </p>
        </section>
        <ActionsSection />
        <section aria-labelledby="method">
          <h2 id="method">{m.open.method}</h2>
          <ol>
            {METHOD[l](data?.method.k ?? 10).map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="figures">
          <h2 id="figures">{about.figures}</h2>
          <label class="filter">
            <span>{m.open.search}</span>
            <input type="search" value={search} onInput={(e) => navigate({ q: e.currentTarget.value }, true)} />
          </label>
          {error ? <ErrorBox message={error} /> : !data ? <Loading /> : null}
          {data && (
            <p class="small" role="status">
              {shown.length === 0 ? m.open.noRows : m.open.shown(shown.length)}
            </p>
          )}
          {shown.map((rows) => (
            <ServiceSection key={rows[0]!.service} rows={rows} l={l} m={m} />
          ))}
        </section>
      </main>
      <footer class="foot">
        <p>
          Otklik · <a href="/docs">API</a>
        </p>
      </footer>
    </>
  )
}
