/** How each metric is written: shares as percentages, NPS in points, CES with one decimal. */
import type { Figure } from '@otklik/contract/types'
import { DASH, count, decimal, percent } from '../i18n/format.js'
import type { Lang } from '../i18n/lang.js'
import type { Messages } from '../i18n/messages.js'
import { plural } from '../i18n/plural.js'
import type { Change } from '../stats/pooled.js'

export type MetricKey = 'csat' | 'nps' | 'ces' | 'completion'
export const METRICS: readonly MetricKey[] = ['csat', 'nps', 'ces', 'completion']

/** The fixed scale of each metric, for chart axes. */
export const DOMAINS: Record<MetricKey, [number, number]> = { csat: [0, 1], nps: [-100, 100], ces: [1, 7], completion: [0, 1] }

export function formatValue(metric: MetricKey, value: number | null, lang: Lang): string {
  if (value === null) return DASH
  if (metric === 'csat' || metric === 'completion') return percent(lang, value)
  if (metric === 'nps') return decimal(lang, value, 0)
  return decimal(lang, value, 1)
}

const SHARES = new Set(['csat', 'completion', 'completion_rate', 'error_rate', 'drop_off_rate'])

/** A flag's figure on its own scale: shares as percentages, NPS in points, CES with one decimal, durations in minutes. */
export function flagValue(metric: string, value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return DASH
  if (SHARES.has(metric)) return `${decimal(lang, value * 100, 1)}${lang === 'ru' ? ' %' : '%'}`
  if (metric === 'nps') return decimal(lang, value, 0)
  if (metric === 'median_duration_ms') return `${decimal(lang, value / 60_000, 1)} ${lang === 'ru' ? 'мин' : 'min'}`
  return decimal(lang, value, 1)
}

/** "74–82 %" */
export function formatInterval(metric: MetricKey, f: Figure, lang: Lang): string {
  if (f.low === null || f.high === null) return DASH
  return `${formatValue(metric, f.low, lang)} – ${formatValue(metric, f.high, lang)}`
}

/** "n = 1 234 answers" */
export const nText = (m: Messages, lang: Lang, n: number, forms: Messages['answers'] = m.answers): string => `${count(lang, n)} ${plural(lang, n, forms)}`

/** "down 7 points, significant" / "up 0.3, within noise" */
export function changeText(metric: MetricKey, c: Change | null, m: Messages, lang: Lang): string {
  if (c === null) return m.change.noPrevious
  const size = metric === 'ces' ? Math.abs(c.difference) : metric === 'nps' ? Math.abs(c.difference) : Math.abs(c.difference) * 100
  const rounded = metric === 'ces' ? Number(size.toFixed(1)) : Math.round(size)
  if (rounded === 0) return `${m.change.same}, ${c.significant ? m.change.significant : m.change.noise}`
  const amount = metric === 'ces' ? decimal(lang, rounded, 1) : `${count(lang, rounded)} ${plural(lang, rounded, m.points)}`
  return `${c.direction === 'up' ? m.change.up : m.change.down} ${amount}, ${c.significant ? m.change.significant : m.change.noise}`
}
