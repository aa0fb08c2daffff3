/** Every flag with its evidence, filterable by rule; and the services with too little data. */
import { FLAG_RULES } from '@otklik/contract/rules'
import type { FlagsReport } from '@otklik/contract/types'
import { useApi } from '../api/use-api.js'
import { CsvButton } from '../components/csv-button.js'
import { flagValue } from '../components/figures.js'
import { Link } from '../components/layout.js'
import { apiFilters, withParams } from '../components/period.js'
import { ErrorBox, Loading } from '../components/status.js'
import { count, decimal, windowText } from '../i18n/format.js'
import { lang, t } from '../state/lang.js'
import { navigate, query } from '../state/url.js'
import { CaseFacts, HistoryDetails, MoveFlag } from './flag-case.js'


export function FlagsView() {
  const m = t.value
  const l = lang.value
  const q = query.value
  const params = withParams(apiFilters(q), { lang: l })
  const rule = q.get('rule') ?? ''
  const res = useApi<FlagsReport>('/flags', params)
  const shown = res.data?.flags.filter((f) => rule === '' || f.rule === rule) ?? []
  // Only to mark a planned action overdue: the person's own clock is the right one.
  const today = new Date().toISOString()
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
            {FLAG_RULES.map((r) => (
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
            {shown.map((f) => (
              <li key={f.id} class="flag-item" data-service={f.service} data-rule={f.rule} data-flag={f.id}>
                <h2 class="h3">
                  <Link to={{ view: 'service', id: f.service, rule: undefined }}>{f.name}</Link>: {m.rules[f.rule]}{' '}
                  <span class={`severity ${f.severity}`}>{m.severity[f.severity]}</span>
                </h2>
                <p class="explanation">{f.explanation}</p>
                <dl class="evidence">
                  <dt>{m.flagsView.value}</dt>
                  <dd>{flagValue(f.metric, f.value, l)}</dd>
                  <dt>{m.interval}</dt>
                  <dd>
                    {flagValue(f.metric, f.interval[0], l)} – {flagValue(f.metric, f.interval[1], l)}
                  </dd>
                  {f.target !== undefined && (
                    <>
                      <dt>{m.flagsView.target}</dt>
                      <dd>{flagValue(f.metric, f.target, l)}</dd>
                    </>
                  )}
                  {f.baseline !== undefined && (
                    <>
                      <dt>{m.flagsView.baseline}</dt>
                      <dd>{flagValue(f.metric, f.baseline, l)}</dd>
                    </>
                  )}
                  <dt>n</dt>
                  <dd>{count(l, f.n)}</dd>
                  <dt>{m.flagsView.q}</dt>
                  <dd>{f.q_value < 0.001 ? '< 0.001' : decimal(l, f.q_value, 3)}</dd>
                  <CaseFacts flag={f} today={today} />
                </dl>
                {f.status && (
                  <>
                    <HistoryDetails id={f.id} />
                    <MoveFlag id={f.id} status={f.status} />
                  </>
                )}
              </li>
            ))}
          </ul>
          {res.data.followed.length > 0 && (
            <section aria-labelledby="followed">
              <h2 id="followed">{m.flagCase.followed}</h2>
              <p class="muted">{m.flagCase.followedIntro}</p>
              <ul class="flag-list">
                {res.data.followed
                  .filter((f) => rule === '' || f.rule === rule)
                  .map((f) => (
                    <li key={f.id} class="flag-item" data-service={f.service} data-rule={f.rule} data-flag={f.id}>
                      <h3>
                        <Link to={{ view: 'service', id: f.service, rule: undefined }}>{f.name[l]}</Link>: {m.rules[f.rule] ?? f.rule}
                      </h3>
                      <p class="explanation">{f.explanation[l]}</p>
                      <dl class="evidence">
                        <CaseFacts flag={f} today={today} />
                      </dl>
                      <HistoryDetails id={f.id} />
                      <MoveFlag id={f.id} status={f.status} />
                    </li>
                  ))}
              </ul>
            </section>
          )}
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
