/** One headline figure: value, interval, n and the change in words (never colour alone). */
import type { Figure } from '@otklik/contract/types'
import { lang, t } from '../state/lang.js'
import type { Change } from '../stats/pooled.js'
import { changeText, formatInterval, formatValue, nText, type MetricKey } from './figures.js'

export function Kpi({ metric, figure, change, compare, journeys = false }: { metric: MetricKey; figure: Figure; change: Change | null | undefined; compare: boolean; journeys?: boolean }) {
  const m = t.value
  const l = lang.value
  const trend = change?.significant ? (change.direction === 'up' ? 'up' : 'down') : 'flat'
  return (
    <article class="kpi" data-metric={metric}>
      <h3>
        {m.metric[metric]} <span class="muted small">({m.metricHelp[metric]})</span>
      </h3>
      <p class="kpi-value">{formatValue(metric, figure.value, l)}</p>
      <p class="small">
        {m.interval}: <span class="kpi-interval">{formatInterval(metric, figure, l)}</span>
      </p>
      <p class="small kpi-n">{nText(m, l, figure.n, journeys ? m.journeys : m.answers)}</p>
      {compare && change !== undefined && (
        <p class={`small change ${trend}`}>
          <span aria-hidden="true" class="arrow">
            {trend === 'up' ? '▲' : trend === 'down' ? '▼' : '●'}
          </span>{' '}
          {changeText(metric, change, m, l)} {change !== null && m.change.vsPrevious}
        </p>
      )}
    </article>
  )
}
