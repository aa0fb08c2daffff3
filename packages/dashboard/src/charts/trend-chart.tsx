/**
 * A trend as SVG from computed scales: the 95 % interval as a band, the
 * value as a line, the previous period as a dashed second line. Hidden from
 * assistive technology: the figure around it carries the caption, summary
 * and the same data as a table.
 */
import { scaleLinear, scaleUtc } from 'd3-scale'
import { area, line } from 'd3-shape'
import type { Lang } from '../i18n/lang.js'
import { tickDate } from './time-format.js'

export interface TrendPoint {
  /** Start of the bucket, YYYY-MM-DD (UTC). */
  date: string
  value: number | null
  low: number | null
  high: number | null
}

interface Props {
  points: TrendPoint[]
  /** The previous period, its dates moved onto this period's. */
  previous?: TrendPoint[] | undefined
  domain: [number, number]
  formatTick: (v: number) => string
  lang: Lang
}

const WIDTH = 640
const HEIGHT = 220
const MARGIN = { top: 10, right: 12, bottom: 26, left: 46 }

const time = (p: TrendPoint) => Date.parse(`${p.date}T00:00:00Z`)

export function TrendChart({ points, previous, domain, formatTick, lang }: Props) {
  const all = [...points, ...(previous ?? [])]
  const times = all.map(time)
  const x = scaleUtc()
    .domain([new Date(Math.min(...times)), new Date(Math.max(...times))])
    .range([MARGIN.left, WIDTH - MARGIN.right])
  const y = scaleLinear().domain(domain).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top])
  const defined = (p: TrendPoint) => p.value !== null
  const valueLine = line<TrendPoint>()
    .defined(defined)
    .x((p) => x(time(p)))
    .y((p) => y(p.value ?? 0))
  const band = area<TrendPoint>()
    .defined((p) => p.low !== null && p.high !== null)
    .x((p) => x(time(p)))
    .y0((p) => y(p.low ?? 0))
    .y1((p) => y(p.high ?? 0))
  const single = points.filter(defined).length === 1
  const dateTick = tickDate(lang)
  return (
    <svg class="trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <g class="axis">
        {y.ticks(5).map((v) => (
          <g key={v}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={MARGIN.left - 6} y={y(v)} dy="0.32em" text-anchor="end">
              {formatTick(v)}
            </text>
          </g>
        ))}
        {x.ticks(Math.min(6, Math.max(2, points.length))).map((d) => (
          <text key={d.getTime()} x={x(d)} y={HEIGHT - 6} text-anchor="middle">
            {dateTick(d)}
          </text>
        ))}
      </g>
      <path class="band" d={band(points) ?? ''} />
      {previous && <path class="line previous" d={valueLine(previous) ?? ''} />}
      <path class="line" d={valueLine(points) ?? ''} />
      {single &&
        points.filter(defined).map((p) => <circle key={p.date} class="dot" cx={x(time(p))} cy={y(p.value ?? 0)} r="4" />)}
    </svg>
  )
}
