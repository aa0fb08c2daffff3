/** One metric's trend over the period, with the previous period, as a figure with its table. */
import type { Figure, TimeseriesPoint } from '@otklik/contract/types'
import { TrendChart, type TrendPoint } from '../charts/trend-chart.js'
import { ChartFigure } from '../components/chart-figure.js'
import { DOMAINS, formatValue, nText, type MetricKey } from '../components/figures.js'
import { DASH, count, day } from '../i18n/format.js'
import { lang, t } from '../state/lang.js'
import { wilson } from '../stats/pooled.js'

const DAY = 86_400_000

export function figureOf(metric: MetricKey, p: TimeseriesPoint): Figure {
  return metric === 'completion' ? wilson(p.journeys.completed, p.journeys.started) : p[metric]
}

const toPoint = (metric: MetricKey, p: TimeseriesPoint, shift = 0): TrendPoint => {
  const f = figureOf(metric, p)
  const date = shift === 0 ? p.start : new Date(Date.parse(`${p.start}T00:00:00Z`) + shift).toISOString().slice(0, 10)
  return { date, value: f.value, low: f.low, high: f.high }
}

interface Props {
  metric: MetricKey
  points: TimeseriesPoint[]
  previous: TimeseriesPoint[] | undefined
  /** Milliseconds from the previous period's start to this one's. */
  shift: number
  change: string
  serviceName: string
}

export function TrendFigure({ metric, points, previous, shift, change, serviceName }: Props) {
  const m = t.value
  const l = lang.value
  const title = `${m.metric[metric]}: ${serviceName}`
  const fmt = (v: number | null) => formatValue(metric, v, l)
  const known = points.filter((p) => figureOf(metric, p).value !== null)
  const total = points.reduce((s, p) => s + figureOf(metric, p).n, 0)
  const first = known[0]
  const last = known[known.length - 1]
  const summary =
    first && last
      ? m.chart.trendSummary({
          metric: m.metric[metric],
          first: fmt(figureOf(metric, first).value),
          last: fmt(figureOf(metric, last).value),
          from: day(l, first.start),
          to: day(l, last.start),
          n: nText(m, l, total, metric === 'completion' ? m.journeys : m.answers),
          change,
        })
      : m.chart.noData(m.metric[metric])
  const prevByDate = new Map((previous ?? []).map((p) => [toPoint(metric, p, shift).date, p]))
  const table = {
    caption: title,
    head: [m.service.date, m.service.value, m.service.low, m.service.high, 'n', ...(previous ? [m.service.previous] : [])],
    rows: points.map((p) => {
      const f = figureOf(metric, p)
      const prev = prevByDate.get(p.start)
      return [day(l, p.start), fmt(f.value), fmt(f.low), fmt(f.high), count(l, f.n), ...(previous ? [prev ? fmt(figureOf(metric, prev).value) : DASH] : [])]
    }),
  }
  return (
    <ChartFigure title={title} summary={summary} table={table} fileName={`otklik-${metric}.csv`}>
      {known.length > 0 && (
        <TrendChart
          lang={l}
          points={points.map((p) => toPoint(metric, p))}
          previous={previous?.map((p) => toPoint(metric, p, shift))}
          domain={DOMAINS[metric]}
          formatTick={(v) => fmt(v)}
        />
      )}
    </ChartFigure>
  )
}

export const shiftBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY) * DAY
