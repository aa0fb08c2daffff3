/**
 * Period presets (7, 28, 90 days, custom), the comparison, and the filters;
 * every choice goes into the URL at once.
 */
import { useState } from 'preact/hooks'
import type { Named } from '@otklik/contract/types'
import { useApi } from '../api/use-api.js'
import { lang, t } from '../state/lang.js'
import { FILTERS, PRESETS, navigate, query, type FilterName } from '../state/url.js'

const STATIC_VALUES: Partial<Record<FilterName, readonly string[]>> = {
  channel: ['web', 'mobile', 'mfc', 'phone', 'kiosk', 'other'],
  segment: ['citizen', 'business', 'internal'],
  device: ['desktop', 'mobile', 'tablet', 'unknown'],
  locale: ['ru', 'en'],
}

const nameOf = (n: Named, l: string) => (l === 'en' ? n.name_en : n.name_ru)

export function Controls() {
  const m = t.value
  const q = query.value
  const period = q.get('period') ?? '28'
  const agencies = useApi<{ agencies: Named[] }>('/agencies')
  const situations = useApi<{ life_situations: Named[] }>('/life-situations')
  const [from, setFrom] = useState(q.get('from') ?? '')
  const [to, setTo] = useState(q.get('to') ?? '')
  const options = (f: FilterName): { value: string; label: string }[] => {
    if (f === 'agency') return (agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: nameOf(a, lang.value) }))
    if (f === 'life_situation') return (situations.data?.life_situations ?? []).map((s) => ({ value: s.id, label: nameOf(s, lang.value) }))
    return (STATIC_VALUES[f] ?? []).map((v) => ({ value: v, label: m.values[v] ?? v }))
  }
  const anyFilter = FILTERS.some((f) => q.has(f))
  return (
    <section class="controls" aria-labelledby="controls-title">
      <h2 id="controls-title" class="visually-hidden">
        {m.controls.title}
      </h2>
      <fieldset class="period">
        <legend>{m.controls.period}</legend>
        {[...PRESETS, 'custom'].map((p) => (
          <label key={p} class="choice">
            <input type="radio" name="period" value={p} checked={period === p} onChange={() => navigate({ period: p === '28' ? undefined : p, ...(p === 'custom' ? {} : { from: undefined, to: undefined }) })} />
            {p === 'custom' ? m.controls.custom : m.controls.days(Number(p))}
          </label>
        ))}
      </fieldset>
      {period === 'custom' && (
        <form
          class="custom-period"
          onSubmit={(e) => {
            e.preventDefault()
            navigate({ from, to })
          }}
        >
          <label>
            {m.controls.from} <input type="date" value={from} required onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {m.controls.to} <input type="date" value={to} required onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit">{m.controls.apply}</button>
        </form>
      )}
      <label class="choice compare">
        <input type="checkbox" checked={q.get('compare') !== 'none'} onChange={(e) => navigate({ compare: e.currentTarget.checked ? undefined : 'none' })} />
        {m.controls.compare}: {m.controls.comparePrevious}
      </label>
      <fieldset class="filters">
        <legend>{m.controls.filters}</legend>
        {FILTERS.map((f) => (
          <label key={f} class="filter">
            <span>{m.dims[f]}</span>
            <select value={q.get(f) ?? ''} onChange={(e) => navigate({ [f]: e.currentTarget.value })}>
              <option value="">{m.controls.any}</option>
              {options(f).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        {anyFilter && (
          <button type="button" onClick={() => navigate(Object.fromEntries(FILTERS.map((f) => [f, undefined])))}>
            {m.controls.clear}
          </button>
        )}
      </fieldset>
    </section>
  )
}
