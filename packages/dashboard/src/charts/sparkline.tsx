/** A small trend line for a table row; the row states the figures as text. */
import { scaleLinear } from 'd3-scale'
import { line } from 'd3-shape'

const WIDTH = 80
const HEIGHT = 24

export function Sparkline({ values }: { values: (number | null)[] }) {
  const known = values.filter((v): v is number => v !== null)
  if (known.length < 2) return null
  const x = scaleLinear().domain([0, values.length - 1]).range([2, WIDTH - 2])
  const y = scaleLinear()
    .domain([Math.min(...known), Math.max(...known)])
    .range([HEIGHT - 3, 3])
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_v, i) => x(i))
    .y((v) => y(v ?? 0))
  return (
    <svg class="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <path d={path(values) ?? ''} />
    </svg>
  )
}
