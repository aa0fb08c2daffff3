/** Every flag with its evidence, filterable by rule; and the services with too little data. */
import type { Flag, FlagsResponse, Rule } from '../api/types.js'
import { useApi } from '../api/use-api.js'
import { CsvButton } from '../components/csv-button.js'
import { Link } from '../components/layout.js'
import { apiFilters, withParams } from '../components/period.js'
import { ErrorBox, Loading } from '../components/status.js'
import { DASH, count, day, decimal, windowText } from '../i18n/format.js'
import type { Lang } from '../i18n/lang.js'
import { lang, t } from '../state/lang.js'
import { navigate, query } from '../state/url.js'

const RULES: Rule[] = ['low_csat', 'low_nps', 'high_ces', 'csat_decline', 'nps_decline', 'low_completion', 'step_dropoff', 'high_error_rate', 'slower_completion', 'group_gap']

/** A flag's number on its own scale: shares as percentages, NPS points, CES and ratios as decimals. */
function num(f: Flag, v: number | null | undefined, l: Lang): string {
  if (v === null || v === undefined) return DASH
  if (f.metric === 'nps') return decimal(l, v, 0)
  if (f.metric === 'ces' || f.metric === 'duration' || Math.abs(v) > 1) return decimal(l, v, f.metric === 'ces' ? 1 : 0)
  return `${decimal(l, v * 100, 1)}${l === 'ru' ? ' %' : '%'}`
}

export function FlagsView() {
  const m = t.value
  const l = lang.value
  const q = query.value
  const params = withParams(apiFilters(q), { lang: l })
  const rule = q.get('rule') ?? ''
  const res = useApi<FlagsResponse>('/flags', params)
  const shown = res.data?.flags.filter((f) => rule === '' || f.rule === rule) ?? []
  return (
    <>
      <h1>{m.flagsView.title}</h1>
      {res.data && <p class="muted window">{windowText(l, res.data.window.from, res.data.window.to)}</p>}
      <p>{m.flagsView.intro}</p>
      <div class="toolbar">
        <label class="filter">
          <span>{m.flagsView.rule}</span>
          <select value={rule} onChange={(e) => navigate({ rule: e.currentTarget.value })}>
            <option value="">{m.flagsView.all}</option>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {m.rules[r]}
              </option>
            ))}
          </select>
        </label>
        <CsvButton path="/flags.csv" params={params} fileName="otklik-flags.csv" label={m.flagsView.csv} />
      </div>
      {res.error ? (
        <ErrorBox message={res.error} />
      ) : !res.data ? (
        <Loading />
      ) : (
        <>
          <p class="small">{m.flagsView.shown(shown.length)}</p>
          <ul class="flag-list">
            {shown.map((f, i) => (
              <li key={f.id ?? i} class="flag-item" data-service={f.service} data-rule={f.rule}>
                <h2 class="h3">
                  <Link to={{ view: 'service', id: f.service, rule: undefined }}>{f.name}</Link>: {m.rules[f.rule]}{' '}
                  <span class={`severity ${f.severity}`}>{m.severity[f.severity]}</span>
                </h2>
                <p class="explanation">{f.explanation}</p>
                <dl class="evidence">
                  <dt>{m.flagsView.value}</dt>
                  <dd>{num(f, f.value, l)}</dd>
                  <dt>{m.interval}</dt>
                  <dd>
                    {num(f, f.interval[0], l)} – {num(f, f.interval[1], l)}
                  </dd>
                  {f.target !== undefined && (
                    <>
                      <dt>{m.flagsView.target}</dt>
                      <dd>{num(f, f.target, l)}</dd>
                    </>
                  )}
                  {f.baseline !== undefined && (
                    <>
                      <dt>{m.flagsView.baseline}</dt>
                      <dd>{num(f, f.baseline, l)}</dd>
                    </>
                  )}
                  <dt>n</dt>
                  <dd>{count(l, f.n)}</dd>
                  <dt>{m.flagsView.q}</dt>
                  <dd>{f.q_value < 0.001 ? '< 0.001' : decimal(l, f.q_value, 3)}</dd>
                  {f.status && (
                    <>
                      <dt>{m.flagsView.status}</dt>
                      <dd>{f.status}</dd>
                    </>
                  )}
                  {f.first_seen && (
                    <>
                      <dt>{m.flagsView.firstSeen}</dt>
                      <dd>{day(l, f.first_seen)}</dd>
                    </>
                  )}
                  {f.owner && (
                    <>
                      <dt>{m.flagsView.owner}</dt>
                      <dd>
                        {f.owner.name}
                        {f.owner.contact ? ` (${f.owner.contact})` : ''}
                      </dd>
                    </>
                  )}
                  {f.action && (
                    <>
                      <dt>{m.flagsView.action}</dt>
                      <dd>{f.action}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
          <section aria-labelledby="insufficient">
            <h2 id="insufficient">{m.flagsView.insufficient}</h2>
            <p class="muted">{m.flagsView.insufficientIntro}</p>
            <ul>
              {res.data.insufficient.map((s) => (
                <li key={s.service}>
                  <Link to={{ view: 'service', id: s.service, rule: undefined }}>{s.service}</Link>: {m.flagsView.lacks(s.n, s.journeys)}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  )
}
