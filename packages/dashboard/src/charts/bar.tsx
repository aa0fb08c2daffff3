/**
 * A horizontal bar whose length is a share (0..1). The length is an SVG
 * attribute, not a style: no style attribute anywhere, under the strict CSP.
 */
export function Bar({ share, marked = false }: { share: number; marked?: boolean }) {
  const width = Math.max(0, Math.min(1, share)) * 100
  return (
    <svg class={marked ? 'bar marked' : 'bar'} viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="track" width="100" height="10" />
      <rect class="fill" width={width} height="10" />
    </svg>
  )
}

/** Shares side by side in one bar (a distribution); the legend beside it states each share. */
export function StackedBar({ shares }: { shares: number[] }) {
  let at = 0
  return (
    <svg class="stacked" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {shares.map((s, i) => {
        const x = at
        at += s * 100
        return <rect key={i} class={`part part-${i % 7}`} x={x} width={s * 100} height="10" />
      })}
    </svg>
  )
}
